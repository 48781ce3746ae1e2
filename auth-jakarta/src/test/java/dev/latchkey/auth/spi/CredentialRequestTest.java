package dev.latchkey.auth.spi;

import dev.latchkey.auth.fixtures.FakeRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code Authorization} header read once per request, for every kind and the conflict check. */
class CredentialRequestTest {

    @Test
    void whenTwoHeaderFieldsThenRepeatedAndNoKindSeesEither() {
        CredentialRequest r = CredentialRequest.of(FakeRequest.create().header("Authorization", "Basic YTpi")
                .header("Authorization", "Basic YzpK").build());
        assertTrue(r.repeatedAuthorization());
        assertTrue(r.authorization().isEmpty());
        assertTrue(r.basic().isEmpty());
    }

    @Test
    void whenOneFieldJoinsTwoCredentialsThenRepeated() {
        assertTrue(CredentialRequest.of(FakeRequest.create().bearer("a, Bearer b").build()).repeatedAuthorization());
        assertFalse(CredentialRequest.of(FakeRequest.create().bearer("a").build()).repeatedAuthorization());
    }

    @Test
    void whenBasicThenDecodedOnceAndOnlyForTheBasicScheme() {
        CredentialRequest basic = CredentialRequest.of(FakeRequest.create().basic("alice", "pw").build());
        assertSame(basic.basic().orElseThrow(), basic.basic().orElseThrow(), "decoded once per request");
        assertEquals("alice", basic.basic().orElseThrow().userId().orElseThrow());
        assertTrue(CredentialRequest.of(FakeRequest.create().bearer("YTpi").build()).basic().isEmpty());
        assertTrue(basic.authorization("bASIC").isPresent(), "the scheme is case-insensitive");
    }
}

package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.fixtures.FakeRequest;
import dev.latchkey.auth.fixtures.StubKind;
import dev.latchkey.auth.spi.CredentialKind;
import dev.latchkey.auth.spi.CredentialResolver;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class AuthenticatorChainTest {

    private final List<String> calls = new ArrayList<>();

    /** Header credential: {@code Authorization}. */
    private final StubKind header = new StubKind("header", List.of("Bearer"), StubKind.header("Authorization"),
            () -> AuthError.invalidToken("Bearer", "bad token", "bad_token"), calls::add);

    /** URL credential: {@code ?key=}, which its kind always refuses. */
    private final StubKind url = new StubKind("url", List.of("Bearer"), r -> Optional.ofNullable(r.servlet()
            .getQueryString()).filter(q -> q.startsWith("key=")).map(q -> CredentialResolver.QUERY_SOURCE + "key"),
            () -> AuthError.invalidRequest("Bearer", "use the header", "key_in_url"), calls::add);

    private AuthenticatorChain chain(StubKind... stubs) {
        Map<String, Supplier<CredentialKind<?>>> available = new LinkedHashMap<>();
        for (StubKind s : stubs) {
            available.put(s.name(), () -> s);
        }
        return new AuthenticatorChain(new MechanismSettings(available.keySet().stream().toList(), "api", Map.of()),
                available,
                new CredentialLogin(StubKind.ACCEPT), null);
    }

    @Test
    void whenTwoHeaderCredentialsThenConflictWithoutRunningEither() {
        StubKind other = new StubKind("other", List.of("Bearer"), StubKind.header("X-Other"), () -> null, calls::add);
        HttpServletRequest request = FakeRequest.create().bearer("t").header("X-Other", "k").build();

        AuthenticatorChain.Result result = chain(header, other).run(request);

        assertEquals("conflicting_credentials", rejection(result).reason());
        assertEquals(List.of(), calls);
        assertNull(result.decidedBy());
    }

    @Test
    void whenUrlCredentialBesideAHeaderOneThenTheUrlRefusalWins() {
        HttpServletRequest request = FakeRequest.create().bearer("t").query("key=sk_test_x").build();

        AuthenticatorChain.Result result = chain(header, url).run(request);

        assertEquals("key_in_url", rejection(result).reason());
        assertEquals(List.of("url"), calls, "the URL credential's authenticator must see it (to report the exposure)");
    }

    @Test
    void whenOneCredentialThenOnlyItsKindIsAskedAndDecides() {
        HttpServletRequest request = FakeRequest.create().bearer("t").build();

        AuthenticatorChain.Result result = chain(url, header).run(request);

        assertEquals("bad_token", rejection(result).reason());
        assertEquals(List.of("header"), calls, "a kind that found no credential has nothing to resolve");
    }

    @Test
    void whenNoCredentialThenNoKindIsAskedToResolve() {
        AuthenticatorChain.Result result = chain(url, header).run(FakeRequest.create().build());

        assertInstanceOf(AuthOutcome.NoCredential.class, result.outcome());
        assertEquals(List.of(), calls);
    }

    private static AuthError rejection(AuthenticatorChain.Result result) {
        return assertInstanceOf(AuthOutcome.Rejected.class, result.outcome()).error();
    }
}

package dev.latchkey.auth.jwt.mp;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.fixtures.FakeRequest;
import dev.latchkey.auth.mechanism.AuthenticatorChain;
import dev.latchkey.auth.mechanism.CredentialLogin;
import dev.latchkey.auth.mechanism.CurrentCaller;
import dev.latchkey.auth.mechanism.MechanismSettings;
import dev.latchkey.auth.mechanism.RequestAuthContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class JsonWebTokenProducerTest {

    private final JsonWebTokenProducer producer = new JsonWebTokenProducer();

    /** The caller as the mechanism publishes it: on the request's {@link RequestAuthContext}. */
    private static CurrentCaller current(LatchkeyCaller caller) {
        AuthenticatorChain chain = new AuthenticatorChain(new MechanismSettings(List.of(), "api", Map.of()), Map.of(),
                new CredentialLogin(c -> CredentialValidationResult.NOT_VALIDATED_RESULT), null);
        return CurrentCaller.of(FakeRequest.create().attribute(AuthenticatorChain.REQUEST_ATTRIBUTE,
                new RequestAuthContext(chain, event -> { }, () -> "192.0.2.1", "/", caller)).build());
    }

    @Test
    void whenUnauthenticatedThenEmptyToken() {
        producer.currentCaller = CurrentCaller.of(FakeRequest.create().build());
        JsonWebToken jwt = producer.currentToken();
        assertNull(jwt.getName());
        assertNull(jwt.getRawToken());
        assertNull(jwt.getClaimNames());
        assertNull(jwt.getClaim(""));
        assertNull(jwt.getClaim("sub"));
        assertEquals(0, jwt.getExpirationTime());
    }

    @Test
    void whenJwtCallerThenTheCallerItself() {
        JwtCaller caller = JwtCallers.caller("alice");
        producer.currentCaller = current(caller);
        assertSame(caller, producer.currentToken());
        assertEquals("alice@example.com", producer.currentToken().getName());
    }

    @Test
    void whenCallerFromAnotherMechanismThenEmptyToken() {
        producer.currentCaller = current(new LatchkeyCaller("svc", "api-key", Set.of(), Set.of(), Map.of(), "key-1"));
        assertNull(producer.currentToken().getName());
    }
}

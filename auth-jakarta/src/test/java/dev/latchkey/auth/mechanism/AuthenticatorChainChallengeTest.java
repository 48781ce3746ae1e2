package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.fixtures.StubKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which errors carry a {@code WWW-Authenticate} challenge (RFC 7235 §4.1, RFC 6750 §3.1). */
class AuthenticatorChainChallengeTest {

    private final AuthenticatorChain chain = new AuthenticatorChain(new MechanismSettings(List.of("bearer"), "api"),
            Map.of("bearer", () -> new StubKind("bearer", List.of("Bearer"), r -> Optional.empty(), () -> null,
                    name -> { })), new CredentialLogin(StubKind.ACCEPT), null);

    @Test
    void whenInvalidTokenThenBearerChallengeWithError() {
        assertEquals(List.of("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"token expired\""),
                chain.challengesFor(AuthError.invalidToken("Bearer", "token expired", "token_expired")));
    }

    @Test
    void whenDependencyDownThenNoChallengeEvenWithAScheme() {
        AuthError unavailable = AuthError.unavailable("keys unavailable", "jwks_unavailable").withScheme("Bearer");
        assertEquals(List.of(), chain.challengesFor(unavailable));
    }
}

package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.spi.AuthOutcome;
import dev.latchkey.auth.spi.CredentialAuthenticator;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which errors carry a {@code WWW-Authenticate} challenge (RFC 7235 §4.1, RFC 6750 §3.1). */
class AuthenticatorChainChallengeTest {

    private final AuthenticatorChain chain = new AuthenticatorChain(new MechanismSettings(List.of("bearer"), "api"),
            Map.of("bearer", BearerStub::new));

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

    private static final class BearerStub implements CredentialAuthenticator {
        @Override
        public String name() {
            return "bearer";
        }

        @Override
        public Optional<String> challengeScheme() {
            return Optional.of("Bearer");
        }

        @Override
        public Optional<String> credentialSource(HttpServletRequest request) {
            return Optional.empty();
        }

        @Override
        public AuthOutcome authenticate(HttpServletRequest request) {
            throw new UnsupportedOperationException();
        }
    }
}

package dev.latchkey.jaxrs;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.mechanism.AuthenticatorChain;
import dev.latchkey.auth.mechanism.MechanismSettings;
import dev.latchkey.auth.spi.AuthOutcome;
import dev.latchkey.auth.spi.CredentialAuthenticator;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChallengesTest {

    private static Supplier<CredentialAuthenticator> scheme(String name, String scheme) {
        return () -> new CredentialAuthenticator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> challengeScheme() {
                return Optional.of(scheme);
            }

            @Override
            public Optional<String> credentialSource(HttpServletRequest request) {
                return Optional.empty();
            }

            @Override
            public AuthOutcome authenticate(HttpServletRequest request) {
                return AuthOutcome.NO_CREDENTIAL;
            }
        };
    }

    @Test
    void whenRequestCarriesItsApplicationsChainThenThatChainChallenges() {
        AuthenticatorChain chain = new AuthenticatorChain(new MechanismSettings(List.of("jwt"), "mp-realm"),
                Map.of("jwt", scheme("jwt", "Bearer")));
        List<String> challenges = new Challenges()
                .forError(AuthError.unauthenticated(null), chain, null);
        assertEquals(List.of("Bearer realm=\"mp-realm\""), challenges);
    }

    @Test
    void whenChainHasNoMechanismThenBearerRealmChallenge() {
        AuthenticatorChain none = new AuthenticatorChain(new MechanismSettings(List.of(), "api"), Map.of());
        assertEquals(List.of("Bearer realm=\"api\""),
                new Challenges().forError(AuthError.unauthenticated(null), none, null));
    }
}

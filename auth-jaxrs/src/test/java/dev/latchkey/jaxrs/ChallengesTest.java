package dev.latchkey.jaxrs;

import dev.latchkey.auth.audit.AuthenticationEvent;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.mechanism.AuthenticatorChain;
import dev.latchkey.auth.mechanism.MechanismSettings;
import dev.latchkey.auth.mechanism.RequestAuthContext;
import dev.latchkey.auth.spi.AuthOutcome;
import dev.latchkey.auth.spi.CredentialAuthenticator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static RequestAuthContext context(AuthenticatorChain chain, List<AuthenticationEvent> audit) {
        return new RequestAuthContext(chain, audit::add, "192.0.2.7", "/api/orders");
    }

    @Test
    void whenRequestCarriesItsApplicationsChainThenThatChainChallenges() {
        AuthenticatorChain chain = new AuthenticatorChain(new MechanismSettings(List.of("jwt"), "mp-realm"),
                Map.of("jwt", scheme("jwt", "Bearer")));
        List<String> challenges = new Challenges()
                .forError(AuthError.unauthenticated(null), context(chain, new ArrayList<>()));
        assertEquals(List.of("Bearer realm=\"mp-realm\""), challenges);
    }

    @Test
    void whenChainHasNoMechanismThenBearerRealmChallenge() {
        AuthenticatorChain none = new AuthenticatorChain(new MechanismSettings(List.of(), "api"), Map.of());
        assertEquals(List.of("Bearer realm=\"api\""),
                new Challenges().forError(AuthError.unauthenticated(null), context(none, new ArrayList<>())));
    }

    @Test
    void whenChallengedThenAuditedToTheRequestsApplicationWithItsAddressAndPath() {
        AuthenticatorChain chain = new AuthenticatorChain(new MechanismSettings(List.of("basic"), "api"),
                Map.of("basic", scheme("basic", "Basic")));
        List<AuthenticationEvent> audit = new ArrayList<>();
        new Challenges().challenged(context(chain, audit), "/ignored");
        assertEquals(1, audit.size());
        AuthenticationEvent event = audit.get(0);
        assertEquals(AuthenticationEvent.Outcome.CHALLENGE, event.outcome());
        assertEquals("192.0.2.7", event.remoteAddress());
        assertEquals("/api/orders", event.path());
    }

    @Test
    void whenInterceptorRefusesThenMapperChallengesWithTheChainThatRanAndAudits() {
        AuthenticatorChain chain = new AuthenticatorChain(new MechanismSettings(List.of("basic"), "shop"),
                Map.of("basic", scheme("basic", "Basic")));
        List<AuthenticationEvent> audit = new ArrayList<>();
        Response response = new InsufficientScopeExceptionMapper().toResponse(
                new InsufficientScopeException(AuthError.unauthenticated(null), context(chain, audit)));
        assertEquals(401, response.getStatus());
        assertEquals(chain.challenges(), response.getStringHeaders().get("WWW-Authenticate"));
        assertTrue(chain.challenges().get(0).startsWith("Basic realm=\"shop\""));
        assertEquals(1, audit.size());
    }
}

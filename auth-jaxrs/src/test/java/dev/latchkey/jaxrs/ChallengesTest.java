package dev.latchkey.jaxrs;

import dev.latchkey.auth.audit.AuthenticationEvent;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.mechanism.AuthenticatorChain;
import dev.latchkey.auth.mechanism.MechanismSettings;
import dev.latchkey.auth.mechanism.RequestAuthContext;
import dev.latchkey.auth.mechanism.CredentialLogin;
import dev.latchkey.auth.spi.CredentialKind;
import dev.latchkey.auth.spi.CredentialResolver;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
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

    /** A kind that only has a name and a scheme: enough for challenges. */
    private static Supplier<CredentialKind<?>> scheme(String name, String scheme) {
        return () -> new CredentialKind<Credential>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> challengeSchemes() {
                return List.of(scheme);
            }

            @Override
            public CredentialResolver<Credential> resolver() {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static AuthenticatorChain chain(List<String> names, String realm,
                                            Map<String, Supplier<CredentialKind<?>>> kinds) {
        return new AuthenticatorChain(new MechanismSettings(names, realm, Map.of()), kinds,
                new CredentialLogin(c -> CredentialValidationResult.NOT_VALIDATED_RESULT), null);
    }

    private static RequestAuthContext context(AuthenticatorChain chain, List<AuthenticationEvent> audit) {
        return new RequestAuthContext(chain, audit::add, () -> "192.0.2.7", "/api/orders", null);
    }

    @Test
    void whenRequestCarriesItsApplicationsChainThenThatChainChallenges() {
        AuthenticatorChain chain = chain(List.of("jwt"), "mp-realm", Map.of("jwt", scheme("jwt", "Bearer")));
        List<String> challenges = new Challenges()
                .forError(AuthError.unauthenticated(null), context(chain, new ArrayList<>()));
        assertEquals(List.of("Bearer realm=\"mp-realm\""), challenges);
    }

    @Test
    void whenChainHasNoMechanismThenBearerRealmChallenge() {
        AuthenticatorChain none = chain(List.of(), "api", Map.of());
        assertEquals(List.of("Bearer realm=\"api\""),
                new Challenges().forError(AuthError.unauthenticated(null), context(none, new ArrayList<>())));
    }

    @Test
    void whenChallengedThenAuditedToTheRequestsApplicationWithItsAddressAndPath() {
        AuthenticatorChain chain = chain(List.of("basic"), "api", Map.of("basic", scheme("basic", "Basic")));
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
        AuthenticatorChain chain = chain(List.of("basic"), "shop", Map.of("basic", scheme("basic", "Basic")));
        List<AuthenticationEvent> audit = new ArrayList<>();
        Response response = new InsufficientScopeExceptionMapper().toResponse(
                new InsufficientScopeException(AuthError.unauthenticated(null), context(chain, audit)));
        assertEquals(401, response.getStatus());
        assertEquals(chain.challenges(), response.getStringHeaders().get("WWW-Authenticate"));
        assertTrue(chain.challenges().get(0).startsWith("Basic realm=\"shop\""));
        assertEquals(1, audit.size());
    }

    @Test
    void whenCallerLacksAScopeThenTheChallengeSchemeIsItsKindsWhenBearer() {
        AuthenticatorChain chain = chain(List.of("jwt", "basic"), "api",
                Map.of("jwt", scheme("jwt", "Bearer"), "basic", scheme("basic", "Basic")));
        var scopeScheme = new Challenges().scopeScheme(context(chain, new ArrayList<>()));
        assertEquals(Optional.of("Bearer"), scopeScheme.apply("jwt"));
        assertEquals(Optional.empty(), scopeScheme.apply("basic"), "RFC 6750 insufficient_scope is Bearer's");
        assertEquals(Optional.empty(), scopeScheme.apply("not-enabled"));
    }
}

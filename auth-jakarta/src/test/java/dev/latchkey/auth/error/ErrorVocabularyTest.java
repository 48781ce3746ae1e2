package dev.latchkey.auth.error;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorVocabularyTest {

    @Test
    void whenBareBearerChallengeThenRealmOnly() {
        assertEquals("Bearer realm=\"api\"", WwwAuthenticate.challenge("Bearer", "api"));
    }

    @Test
    void whenBasicChallengeThenCharsetUtf8() {
        assertEquals("Basic realm=\"api\", charset=\"UTF-8\"", WwwAuthenticate.challenge("Basic", "api"));
    }

    @Test
    void whenRealmHasQuotesThenEscaped() {
        assertEquals("Bearer realm=\"a\\\"b\\\\c\"", WwwAuthenticate.challenge("Bearer", "a\"b\\c"));
    }

    @Test
    void whenInvalidTokenThenErrorAndDescription() {
        AuthError error = AuthError.invalidToken("Bearer", "token expired", "token_expired");
        assertEquals("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"token expired\"",
                WwwAuthenticate.challenge("api", error));
    }

    @Test
    void whenInsufficientScopeThenScopesSortedSpaceSeparated() {
        AuthError error = AuthError.insufficientScope("Bearer", Set.of("b:write", "a:read"));
        assertTrue(WwwAuthenticate.challenge("api", error).endsWith("scope=\"a:read b:write\""));
    }

    @Test
    void whenUnauthenticatedThenNoErrorCodeInChallenge() {
        String challenge = WwwAuthenticate.challenge("api", AuthError.unauthenticated("Bearer"));
        assertEquals("Bearer realm=\"api\"", challenge);
    }

    @Test
    void whenBasicErrorThenNoErrorParameters() {
        String challenge = WwwAuthenticate.challenge("api", AuthError.invalidToken("Basic", "invalid credentials", "x"));
        assertEquals("Basic realm=\"api\", charset=\"UTF-8\"", challenge);
    }

    @Test
    void whenDescriptionHasForbiddenCharacterThenRejected() {
        assertThrows(IllegalArgumentException.class, () -> AuthError.invalidToken("Bearer", "say \"hi\"", "r"));
        assertThrows(IllegalArgumentException.class, () -> AuthError.invalidToken("Bearer", "back\\slash", "r"));
        assertThrows(IllegalArgumentException.class, () -> AuthError.invalidToken("Bearer", "new\nline", "r"));
        assertThrows(IllegalArgumentException.class, () -> AuthError.invalidToken("Bearer", "caf\u00e9", "r"));
    }

    @Test
    void whenNotAnErrorStatusThenRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new AuthError(200, "x", null, null, Set.of(), java.util.Map.of(), null, null, java.util.Map.of()));
    }

    @Test
    void whenProblemRenderedThenRfc9457MembersAndExtensions() {
        String body = ProblemDetails.render(AuthError.insufficientScope("Bearer", Set.of("orders:write")));
        assertEquals("{\"type\":\"urn:latchkey:problem:insufficient_scope\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"insufficient scope\",\"error\":\"insufficient_scope\","
                + "\"required_scopes\":[\"orders:write\"]}", body);
    }

    @Test
    void whenUnavailableThen503WithRetryAfterAndServerSide() {
        AuthError error = AuthError.unavailable("key source unavailable", "jwks_down");
        assertEquals(503, error.status());
        assertTrue(error.isServerSide());
        assertTrue(error.headers().containsKey("Retry-After"));
        assertFalse(AuthError.invalidToken("Bearer", "x", "y").isServerSide());
    }

    @Test
    void whenTooManyRequestsThenRetryAfterAtLeastOneSecond() {
        assertEquals("1", AuthError.tooManyRequests("slow down", 0, "r").headers().get("Retry-After"));
    }

    @Test
    void whenDPoPChallengeWithoutCredentialThenAlgsAfterRealm() {
        assertEquals("DPoP realm=\"api\", algs=\"ES256 PS256\"",
                WwwAuthenticate.challenge("DPoP", "api", java.util.Map.of("algs", "ES256 PS256")));
    }

    @Test
    void whenDPoPErrorThenErrorParametersThenAlgs() {
        AuthError error = AuthError.invalidToken("DPoP", "Invalid DPoP key binding", "dpop_binding")
                .withChallengeParams(java.util.Map.of("algs", "ES256"));
        assertEquals("DPoP realm=\"api\", error=\"invalid_token\", error_description=\"Invalid DPoP key binding\","
                + " algs=\"ES256\"", WwwAuthenticate.challenge("api", error));
    }

    @Test
    void whenDeploymentParamsThenAfterTheErrorsOwnAndNeverOverridingThem() {
        AuthError error = AuthError.invalidToken("Bearer", "x", "r")
                .withChallengeParams(java.util.Map.of("max_age", "300"));
        java.util.Map<String, String> deployment = new java.util.LinkedHashMap<>();
        deployment.put("max_age", "1");
        deployment.put("resource_metadata", "https://r.example/.well-known/oauth-protected-resource");
        assertEquals("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"x\", max_age=\"300\","
                + " resource_metadata=\"https://r.example/.well-known/oauth-protected-resource\"",
                WwwAuthenticate.challenge("api", error, deployment));
    }

    @Test
    void whenBasicWithDeploymentParamsThenErrorParamsStillAbsent() {
        AuthError error = AuthError.invalidToken("Basic", "x", "r").withChallengeParams(java.util.Map.of("algs", "x"));
        assertEquals("Basic realm=\"api\", charset=\"UTF-8\", resource_metadata=\"u\"",
                WwwAuthenticate.challenge("api", error, java.util.Map.of("resource_metadata", "u")));
    }

    @Test
    void whenParamNameIsOwnOrNotATokenThenRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> AuthError.invalidToken("Bearer", "x", "r").withChallengeParams(java.util.Map.of("error", "y")));
        assertThrows(IllegalArgumentException.class,
                () -> WwwAuthenticate.challenge("Bearer", "api", java.util.Map.of("a b", "y")));
    }
}

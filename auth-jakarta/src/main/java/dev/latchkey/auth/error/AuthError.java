package dev.latchkey.auth.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One failed authentication or authorization, ready to be rendered as a status, a {@code WWW-Authenticate} challenge
 * and an {@code application/problem+json} body.
 *
 * <p>Two kinds of failure exist and must never be confused: the caller's fault (400, 401, 403, 429) and ours (503).
 *
 * @param status        HTTP status
 * @param error         an {@link ErrorCodes} constant
 * @param description   what the client can act on; never which part of a secret was wrong. Restricted to the
 *                      characters RFC 6750 §3 allows in {@code error_description} (%x20-21 / %x23-5B / %x5D-7E)
 * @param scheme        the challenge scheme ({@code Bearer}, {@code Basic}) or {@code null} for none
 * @param requiredScope scopes the resource requires (RFC 6750 §3 {@code scope}), empty when not relevant
 * @param headers       extra response headers ({@code Retry-After}, {@code RateLimit-*})
 * @param reason        a machine-readable reason for audit logs, e.g. {@code token_expired}
 * @param credentialId  a non-secret id of the rejected credential (key id, {@code jti}), or {@code null}
 * @param challengeParams further auth-params of the error's challenge, in order, e.g. {@code algs} (RFC 9449 §7.1),
 *                      {@code acr_values} and {@code max_age} (RFC 9470 §3); names are RFC 9110 §11.2 tokens
 */
public record AuthError(int status, String error, String description, String scheme, Set<String> requiredScope,
                        Map<String, String> headers, String reason, String credentialId,
                        Map<String, String> challengeParams) {

    public AuthError {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        Objects.requireNonNull(error, "error");
        checkDescription(description);
        requiredScope = Set.copyOf(requiredScope);
        headers = Map.copyOf(headers);
        reason = reason == null ? error : reason;
        challengeParams = WwwAuthenticate.checkedParams(challengeParams);
    }

    /** RFC 6750 §3: error_description must not hold {@code "}, {@code \} or characters outside %x20-7E. */
    static void checkDescription(String description) {
        if (description == null) {
            return;
        }
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                throw new IllegalArgumentException("character not allowed in error_description (RFC 6750 §3): U+"
                        + String.format("%04X", (int) c));
            }
        }
    }

    /** 400 {@code invalid_request}: a malformed, duplicated or conflicting credential. */
    public static AuthError invalidRequest(String scheme, String description, String reason) {
        return new AuthError(400, ErrorCodes.INVALID_REQUEST, description, scheme, Set.of(), Map.of(), reason, null, Map.of());
    }

    /** 401 {@code invalid_token}: the credential is present but not acceptable. */
    public static AuthError invalidToken(String scheme, String description, String reason) {
        return new AuthError(401, ErrorCodes.INVALID_TOKEN, description, scheme, Set.of(), Map.of(), reason, null, Map.of());
    }

    /** 401 without an error code: no credential was presented for a resource that needs one (RFC 6750 §3.1). */
    public static AuthError unauthenticated(String scheme) {
        return new AuthError(401, ErrorCodes.UNAUTHENTICATED, "authentication required", scheme, Set.of(), Map.of(),
                "no_credential", null, Map.of());
    }

    /** 403 {@code insufficient_scope} naming the scopes the resource requires. */
    public static AuthError insufficientScope(String scheme, Set<String> scopes) {
        return new AuthError(403, ErrorCodes.INSUFFICIENT_SCOPE, "insufficient scope", scheme, scopes, Map.of(),
                "insufficient_scope", null, Map.of());
    }

    /** 403: authenticated, but without the role the resource requires. */
    public static AuthError forbidden() {
        return new AuthError(403, ErrorCodes.FORBIDDEN, "caller lacks a required role", null, Set.of(), Map.of(),
                "missing_role", null, Map.of());
    }

    /** 429 with {@code Retry-After} (RFC 9110 §10.2.3) in seconds. */
    public static AuthError tooManyRequests(String description, long retryAfterSeconds, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
        return new AuthError(429, ErrorCodes.RATE_LIMITED, description, null, Set.of(), headers, reason, null,
                Map.of());
    }

    /** 503: our dependency failed; the request is never authenticated. */
    public static AuthError unavailable(String description, String reason) {
        return new AuthError(503, ErrorCodes.TEMPORARILY_UNAVAILABLE, description, null, Set.of(),
                Map.of("Retry-After", "5"), reason, null, Map.of());
    }

    public AuthError withCredentialId(String id) {
        return new AuthError(status, error, description, scheme, requiredScope, headers, reason, id,
                challengeParams);
    }

    public AuthError withScheme(String newScheme) {
        return new AuthError(status, error, description, newScheme, requiredScope, headers, reason, credentialId,
                challengeParams);
    }

    public AuthError withHeaders(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(more);
        return new AuthError(status, error, description, scheme, requiredScope, merged, reason, credentialId,
                challengeParams);
    }

    /** This error with further challenge auth-params, added after the ones it has (a name given again replaces). */
    public AuthError withChallengeParams(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(challengeParams);
        merged.putAll(more);
        return new AuthError(status, error, description, scheme, requiredScope, headers, reason, credentialId,
                merged);
    }

    /** Whether the failure is ours (a dependency), not the caller's. */
    public boolean isServerSide() {
        return status >= 500;
    }
}

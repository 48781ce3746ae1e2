package dev.latchkey.auth.error;

/**
 * The error vocabulary every Latchkey mechanism speaks.
 *
 * <p>The first three are the RFC 6750 §3.1 bearer error codes; the others are Latchkey's own codes for outcomes that
 * RFC 6750 does not name but clients still need to tell apart.
 */
public final class ErrorCodes {

    /** RFC 6750 §3.1: malformed or duplicated credential, unsupported parameter. HTTP 400. */
    public static final String INVALID_REQUEST = "invalid_request";
    /** RFC 6750 §3.1: credential expired, revoked, malformed, or otherwise invalid. HTTP 401. */
    public static final String INVALID_TOKEN = "invalid_token";
    /** RFC 6750 §3.1: the request needs more privileges than the credential carries. HTTP 403. */
    public static final String INSUFFICIENT_SCOPE = "insufficient_scope";

    /**
     * RFC 9449 §7.1: the DPoP proof itself is invalid (§4.3: type, algorithm, key, signature, method, URI, age, replay,
     * access-token hash). HTTP 401 with a {@code DPoP} challenge.
     */
    public static final String INVALID_DPOP_PROOF = "invalid_dpop_proof";
    /**
     * RFC 9449 §9: the resource server requires a (fresh) server nonce in the DPoP proof; the response carries the
     * nonce to use in {@code DPoP-Nonce}. HTTP 401.
     */
    public static final String USE_DPOP_NONCE = "use_dpop_nonce";
    /**
     * RFC 9470 §3: the token's authentication event ({@code acr}, {@code auth_time}) does not meet the resource's
     * requirements; the challenge names them in {@code acr_values} / {@code max_age}. HTTP 401.
     */
    public static final String INSUFFICIENT_USER_AUTHENTICATION = "insufficient_user_authentication";

    /** Authentication is required and no credential was presented. HTTP 401 (RFC 6750 §3.1: no error code). */
    public static final String UNAUTHENTICATED = "unauthenticated";
    /** The caller lacks a required role (not a scope). HTTP 403. */
    public static final String FORBIDDEN = "forbidden";
    /** Too many attempts or requests. HTTP 429 (RFC 6585 §4). */
    public static final String RATE_LIMITED = "rate_limited";
    /** A dependency needed to check the credential (JWKS, key store) is unavailable. HTTP 503. */
    public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

    private ErrorCodes() {
    }
}

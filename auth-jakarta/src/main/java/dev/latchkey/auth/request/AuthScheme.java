package dev.latchkey.auth.request;

/**
 * The HTTP authentication schemes Latchkey speaks (RFC 9110 §11.1), written once: the header parser, the challenge
 * writer and the credential kinds all use these. Scheme names compare case-insensitively (RFC 9110 §11.1).
 */
public final class AuthScheme {

    /** RFC 6750 §2.1: OAuth 2.0 bearer tokens (JWTs and API keys). */
    public static final String BEARER = "Bearer";
    /** RFC 7617 §2: user-id and password. */
    public static final String BASIC = "Basic";

    private AuthScheme() {
    }

    /** Whether two scheme names are the same scheme (RFC 9110 §11.1: case-insensitive). */
    public static boolean same(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }
}

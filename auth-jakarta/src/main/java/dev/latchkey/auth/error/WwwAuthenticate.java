package dev.latchkey.auth.error;

import dev.latchkey.auth.request.AuthScheme;

/**
 * Renders {@code WWW-Authenticate} challenges (RFC 7235 §4.1) for the Bearer (RFC 6750 §3) and Basic (RFC 7617 §2)
 * schemes. The one place in Latchkey where challenge syntax is written.
 */
public final class WwwAuthenticate {

    private WwwAuthenticate() {
    }

    /** A bare challenge for a request that carried no credential, e.g. {@code Bearer realm="api"}. */
    public static String challenge(String scheme, String realm) {
        StringBuilder sb = new StringBuilder(scheme);
        sb.append(' ');
        param(sb, "realm", realm);
        if (AuthScheme.same(AuthScheme.BASIC, scheme)) {
            // RFC 7617 §2.1: the only allowed charset value is UTF-8.
            sb.append(", ");
            param(sb, "charset", "UTF-8");
        }
        return sb.toString();
    }

    /**
     * A challenge describing an error. Bearer challenges carry {@code error}, {@code error_description} and, for
     * {@code insufficient_scope}, {@code scope} (RFC 6750 §3). Basic challenges carry only realm and charset: RFC 7617
     * defines no error parameters. The {@code unauthenticated} pseudo-code is never sent (RFC 6750 §3.1: a request
     * without authentication should not receive an error code).
     */
    public static String challenge(String realm, AuthError error) {
        String scheme = error.scheme();
        if (scheme == null) {
            throw new IllegalArgumentException("error has no challenge scheme: " + error.error());
        }
        if (!AuthScheme.same(AuthScheme.BEARER, scheme) || ErrorCodes.UNAUTHENTICATED.equals(error.error())) {
            return challenge(scheme, realm);
        }
        StringBuilder sb = new StringBuilder(challenge(scheme, realm));
        sb.append(", ");
        param(sb, "error", error.error());
        if (error.description() != null) {
            sb.append(", ");
            param(sb, "error_description", error.description());
        }
        if (!error.requiredScope().isEmpty()) {
            sb.append(", ");
            param(sb, "scope", String.join(" ", error.requiredScope().stream().sorted().toList()));
        }
        return sb.toString();
    }

    /** Appends {@code name="value"} as an RFC 7230 §3.2.6 quoted-string, escaping {@code "} and {@code \}. */
    private static void param(StringBuilder sb, String name, String value) {
        sb.append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                continue; // control characters cannot appear in a header value
            }
            sb.append(c);
        }
        sb.append('"');
    }
}

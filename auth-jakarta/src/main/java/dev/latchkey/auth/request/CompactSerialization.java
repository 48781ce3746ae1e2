package dev.latchkey.auth.request;

/**
 * The character-level shape of a JOSE compact serialization: base64url parts (RFC 4648 §5) separated by dots, two
 * for a JWS (RFC 7515 §7.1), four for a JWE (RFC 7516 §7.1). Shared by the JWT verifier and the introspection kind's
 * choice of tokens; whether each part is canonical base64url is the verifier's own check.
 */
public final class CompactSerialization {

    private CompactSerialization() {
    }

    /** The number of dots in {@code token}, or {@code -1} when it holds any other non-base64url character. */
    public static int separators(String token) {
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!isBase64Url(c)) {
                return -1;
            }
        }
        return dots;
    }

    private static boolean isBase64Url(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}

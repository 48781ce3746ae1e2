package dev.latchkey.auth.request.sfv;

/**
 * A Token (RFC 8941 §3.3.4): {@code ( ALPHA / "*" ) *( tchar / ":" / "/" )}. Distinct from a String: {@code foo} and
 * {@code "foo"} are different values.
 */
public record Token(String value) {

    public Token {
        if (!valid(value)) {
            throw new StructuredFieldException("not a token");
        }
    }

    static boolean valid(String value) {
        if (value == null || value.isEmpty() || !(Chars.isAlpha(value.charAt(0)) || value.charAt(0) == '*')) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Chars.isTchar(c) && c != ':' && c != '/') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}

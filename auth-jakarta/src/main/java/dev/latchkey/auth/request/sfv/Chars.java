package dev.latchkey.auth.request.sfv;

/** Character classes of RFC 8941 §3 (ABNF of RFC 5234 and RFC 9110 §5.6.2). */
final class Chars {

    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

    private Chars() {
    }

    static boolean isAlpha(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLcAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** RFC 9110 §5.6.2 {@code tchar}. */
    static boolean isTchar(char c) {
        return isAlpha(c) || isDigit(c) || TCHAR_SYMBOLS.indexOf(c) >= 0;
    }

    /** RFC 8941 §3.1.2 {@code key}: {@code ( lcalpha / "*" ) *( lcalpha / DIGIT / "_" / "-" / "." / "*" )}. */
    static boolean isKey(String key) {
        if (key == null || key.isEmpty() || !(isLcAlpha(key.charAt(0)) || key.charAt(0) == '*')) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!isLcAlpha(c) && !isDigit(c) && c != '_' && c != '-' && c != '.' && c != '*') {
                return false;
            }
        }
        return true;
    }

    static boolean isBase64(char c) {
        return isAlpha(c) || isDigit(c) || c == '+' || c == '/' || c == '=';
    }
}

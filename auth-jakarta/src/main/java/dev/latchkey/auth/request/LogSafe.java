package dev.latchkey.auth.request;

/**
 * Makes a request-derived value safe to put in a log line (OWASP Logging Cheat Sheet, "log injection"; CWE-117):
 * CR, LF and every other control character (C0, DEL, C1) and the Unicode line and paragraph separators are escaped as
 * {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}, the backslash itself as {@code \\}, and the result is
 * cut to a bounded length with a marker, so that a client can neither forge a line nor flood one.
 */
public final class LogSafe {

    /** The default bound: enough for a header name, a path or an address, short enough for a line. */
    public static final int MAX_LENGTH = 200;
    private static final String CUT = "...[cut]";

    private LogSafe() {
    }

    public static String value(Object value) {
        return value(value, MAX_LENGTH);
    }

    /** The escaped value, at most about {@code max} characters (plus the cut marker); {@code null} as {@code null}. */
    public static String value(Object value, int max) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(Math.min(s.length(), max) + 8);
        for (int i = 0; i < s.length(); i++) {
            if (out.length() >= max) {
                return out.append(CUT).toString();
            }
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

package dev.latchkey.jaxrs;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code @Path} template as JAX-RS 3.1 §3.7.3 turns it into a regular expression, with the sort keys of §3.7.2
 * (literal characters, template variables, variables with a non-default regular expression). The expression ends
 * with the final capturing group {@code (/.*)?}: what is left of the path for the next matching step. It is matched
 * against the still percent-encoded path ({@link RawPath}), as JAX-RS implementations do, so literal characters a
 * path may not carry as such are percent-encoded first (RFC 3986 §3.3).
 */
record PathPattern(String template, Pattern regex, int literals, int variables, int regexVariables) {

    private static final String DEFAULT_VARIABLE = "[^/]+";

    static PathPattern of(String template) {
        String t = template == null ? "" : template.strip();
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        StringBuilder regex = new StringBuilder(t.isEmpty() ? "" : "/");
        int literals = 0;
        int variables = 0;
        int regexVariables = 0;
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '{') {
                int end = closingBrace(t, i);
                String variable = t.substring(i + 1, end);
                int colon = variable.indexOf(':');
                String expression = colon < 0 ? DEFAULT_VARIABLE : variable.substring(colon + 1).strip();
                variables++;
                if (colon >= 0) {
                    regexVariables++;
                }
                regex.append('(').append(expression).append(')');
                i = end + 1;
            } else {
                int next = t.indexOf('{', i);
                String literal = next < 0 ? t.substring(i) : t.substring(i, next);
                literals += literal.length();
                regex.append(Pattern.quote(encode(literal)));
                i = next < 0 ? t.length() : next;
            }
        }
        regex.append("(/.*)?");
        return new PathPattern(t, Pattern.compile(regex.toString()), literals, variables, regexVariables);
    }

    private static final String PATH_CHARACTERS = "-._~!$&'()*+,;=:@/";

    /** Percent-encodes (UTF-8) what RFC 3986 §3.3 does not allow in a path; existing {@code %XX} stay. */
    static String encode(String literal) {
        StringBuilder encoded = new StringBuilder(literal.length());
        for (byte b : literal.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '%'
                    || PATH_CHARACTERS.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    private static int closingBrace(String t, int open) {
        int depth = 0;
        for (int i = open; i < t.length(); i++) {
            if (t.charAt(i) == '{') {
                depth++;
            } else if (t.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("Latchkey: unbalanced '{' in @Path(\"" + t + "\")");
    }

    /**
     * Matches {@code path} (empty, or starting with {@code /}).
     *
     * @return what is left for the next step ({@code ""} when nothing), or null when the template does not match
     */
    String remainder(String path) {
        Matcher matcher = regex.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        String rest = matcher.group(matcher.groupCount());
        return rest == null ? "" : rest;
    }

    /** Compares by §3.7.2 precedence: more literal characters, then more variables, then more regex variables. */
    int compareSpecificity(PathPattern other) {
        int c = Integer.compare(literals, other.literals);
        if (c == 0) {
            c = Integer.compare(variables, other.variables);
        }
        return c == 0 ? Integer.compare(regexVariables, other.regexVariables) : c;
    }
}

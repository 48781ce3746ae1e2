package dev.latchkey.auth.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Authorization} header value, parsed once per request (RFC 9110 §11.4, formerly RFC 7235 §2.1):
 *
 * <pre>
 * credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 * token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 * auth-param  = token BWS "=" BWS ( token / quoted-string )
 * </pre>
 *
 * <p>The whitespace rules, for every scheme: whitespace around the field value is not part of it (RFC 9110 §5.5);
 * scheme and credentials are separated by one or more SP <em>or HTAB</em> (lenient: RFC 9110 asks for SP). The scheme
 * is compared case-insensitively ({@link #hasScheme}). The credentials are a {@link Form#TOKEN68 token68}, a
 * {@link Form#PARAMS list of auth-params}, {@link Form#NONE nothing}, or {@link Form#MALFORMED neither}: the kind that
 * owns the scheme decides what a malformed value means (Bearer and Basic answer 400).
 *
 * <p>A value holding a comma outside auth-params ({@code Bearer a, Bearer b}) is {@link #folded()}: a container
 * joined two headers into one, and RFC 9110 §11.6.2 allows one {@code Authorization} field. Parsing is linear in the
 * length of the value and never throws.
 */
public final class Authorization {

    /** The shape of the credentials after the scheme. */
    public enum Form {
        /** The scheme alone ({@code Bearer}). */
        NONE,
        /** A token68 ({@code Bearer eyJ...}, {@code Basic dXNlcjpwYXNz}). */
        TOKEN68,
        /** A comma-separated list of auth-params ({@code Digest realm="x", nonce=y}). */
        PARAMS,
        /** Neither: characters outside both grammars, or nothing that separates them from the scheme. */
        MALFORMED
    }

    private final String scheme;
    private final Form form;
    private final String credentials;
    private final Map<String, String> params;

    private Authorization(String scheme, Form form, String credentials, Map<String, String> params) {
        this.scheme = scheme;
        this.form = form;
        this.credentials = credentials;
        this.params = params;
    }

    /**
     * @param value the header value as received
     * @return the parsed value; empty when {@code value} is null or blank (no credentials)
     */
    public static Optional<Authorization> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int start = 0;
        int end = value.length();
        while (start < end && isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return Optional.empty();
        }
        int schemeEnd = start;
        while (schemeEnd < end && isTchar(value.charAt(schemeEnd))) {
            schemeEnd++;
        }
        String scheme = value.substring(start, schemeEnd);
        if (schemeEnd == end) {
            return Optional.of(new Authorization(scheme, scheme.isEmpty() ? Form.MALFORMED : Form.NONE, "", Map.of()));
        }
        int credentialsStart = schemeEnd;
        while (credentialsStart < end && isWhitespace(value.charAt(credentialsStart))) {
            credentialsStart++;
        }
        String credentials = value.substring(credentialsStart, end);
        if (scheme.isEmpty() || credentialsStart == schemeEnd) {
            // "Bearer,abc", "Basic\u00e9": nothing separates a scheme from credentials. Not folded: no second header.
            return Optional.of(new Authorization(scheme, Form.MALFORMED, "", Map.of()));
        }
        if (isToken68(credentials)) {
            return Optional.of(new Authorization(scheme, Form.TOKEN68, credentials, Map.of()));
        }
        Map<String, String> params = params(credentials);
        return Optional.of(params == null ? new Authorization(scheme, Form.MALFORMED, credentials, Map.of())
                : new Authorization(scheme, Form.PARAMS, credentials, params));
    }

    /** The scheme as sent; empty when the value does not start with one. */
    public String scheme() {
        return scheme;
    }

    /** Whether the scheme is {@code name}, case-insensitively (RFC 9110 §11.1). */
    public boolean hasScheme(String name) {
        return AuthScheme.same(scheme, name);
    }

    public Form form() {
        return form;
    }

    /** The token68, when the credentials are one. */
    public Optional<String> token68() {
        return form == Form.TOKEN68 ? Optional.of(credentials) : Optional.empty();
    }

    /** The auth-params by lower-case name, unquoted; empty unless the credentials are {@link Form#PARAMS}. */
    public Map<String, String> params() {
        return params;
    }

    /**
     * Whether the value is two credentials joined by a comma ({@code Bearer a, Bearer b}): a comma in credentials
     * that are neither a token68 (which has none) nor auth-params.
     */
    public boolean folded() {
        return form == Form.MALFORMED && credentials.indexOf(',') >= 0;
    }

    /** Scheme and form only: the credentials are secret. */
    @Override
    public String toString() {
        return "Authorization[scheme=" + LogSafe.value(scheme, 32) + ", form=" + form + "]";
    }

    /** SP or HTAB (RFC 9110 §5.6.3). */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** RFC 9110 §5.6.2 tchar. */
    static boolean isTchar(char c) {
        return c < 128 && TCHAR[c];
    }

    /** RFC 9110 §11.2 token68; RFC 6750 §2.1 b64token is the same grammar. */
    public static boolean isToken68(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isToken68Char(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < n && s.charAt(i) == '=') {
            i++;
        }
        return i == n;
    }

    private static boolean isToken68Char(char c) {
        return c < 128 && TOKEN68[c];
    }

    /** ASCII lookup tables of the two grammars: read once per character of every credential, on every request. */
    private static final boolean[] TCHAR = ascii("!#$%&'*+-.^_`|~");
    private static final boolean[] TOKEN68 = ascii("-._~+/");

    /** ALPHA / DIGIT and {@code others}. */
    private static boolean[] ascii(String others) {
        boolean[] table = new boolean[128];
        for (char c = 0; c < 128; c++) {
            table[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || others.indexOf(c) >= 0;
        }
        return table;
    }

    /**
     * {@code #auth-param} (RFC 9110 §5.6.1: empty list elements are tolerated); null when the text is not one, or
     * names a parameter twice (RFC 9110 §11.2: each parameter name must only occur once per challenge).
     */
    private static Map<String, String> params(String s) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            i = skipWhitespace(s, i);
            if (i < n && s.charAt(i) == ',') {
                i++;
                continue;
            }
            if (i >= n) {
                break;
            }
            int nameStart = i;
            while (i < n && isTchar(s.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                return null;
            }
            String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
            i = skipWhitespace(s, i);
            if (i >= n || s.charAt(i) != '=') {
                return null;
            }
            i = skipWhitespace(s, i + 1);
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i = quotedString(s, i + 1, value);
                if (i < 0) {
                    return null;
                }
            } else {
                int valueStart = i;
                while (i < n && isTchar(s.charAt(i))) {
                    i++;
                }
                if (i == valueStart) {
                    return null;
                }
                value.append(s, valueStart, i);
            }
            if (params.put(name, value.toString()) != null) {
                return null;
            }
            i = skipWhitespace(s, i);
            if (i < n && s.charAt(i) != ',') {
                return null;
            }
        }
        return params.isEmpty() ? null : Collections.unmodifiableMap(params);
    }

    /** RFC 9110 §5.6.4 quoted-string after its opening quote; the index after the closing quote, or -1. */
    private static int quotedString(String s, int i, StringBuilder out) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= n || !isQuotable(s.charAt(i + 1))) {
                    return -1;
                }
                out.append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            if (!isQdtext(c)) {
                return -1;
            }
            out.append(c);
            i++;
        }
        return -1;
    }

    private static boolean isQdtext(char c) {
        return c == '\t' || c == ' ' || c == 0x21 || c >= 0x23 && c <= 0x5B || c >= 0x5D && c <= 0x7E
                || c >= 0x80 && c <= 0xFF;
    }

    private static boolean isQuotable(char c) {
        return c == '\t' || c >= 0x20 && c <= 0x7E || c >= 0x80 && c <= 0xFF;
    }

    private static int skipWhitespace(String s, int i) {
        while (i < s.length() && isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}

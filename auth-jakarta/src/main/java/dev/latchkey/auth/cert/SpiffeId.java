package dev.latchkey.auth.cert;

import java.util.Optional;

/**
 * A SPIFFE ID, {@code spiffe://<trust domain>/<path>}, validated per the SPIFFE ID specification §2: scheme exactly
 * {@code spiffe} (lower case); trust domain of lower-case letters, digits, {@code .}, {@code -}, {@code _} (so no
 * port, no userinfo, no upper case); path segments of letters, digits, {@code .}, {@code -}, {@code _}, none empty,
 * {@code .} or {@code ..}, no trailing {@code /}; no query or fragment; at most 2048 bytes.
 */
public record SpiffeId(String trustDomain, String path) {

    static final String PREFIX = "spiffe://";
    private static final int MAX_LENGTH = 2048;
    private static final int MAX_TRUST_DOMAIN = 255;

    /** @return the ID, or empty with no reason when malformed (use {@link #problem(String)} for the reason) */
    public static Optional<SpiffeId> parse(String uri) {
        return problem(uri) == null ? Optional.of(split(uri)) : Optional.empty();
    }

    /** Why {@code uri} is not a valid SPIFFE ID, or null when it is. */
    public static String problem(String uri) {
        if (uri == null || !uri.startsWith(PREFIX)) {
            return "scheme must be 'spiffe://' in lower case";
        }
        if (uri.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        String rest = uri.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String td = slash < 0 ? rest : rest.substring(0, slash);
        if (td.isEmpty()) {
            return "empty trust domain";
        }
        if (td.length() > MAX_TRUST_DOMAIN) {
            return "trust domain too long";
        }
        for (int i = 0; i < td.length(); i++) {
            char c = td.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_')) {
                return "trust domain may hold only a-z 0-9 . - _ (no upper case, port, userinfo, query or fragment)";
            }
        }
        if (slash < 0) {
            return null;
        }
        String path = rest.substring(slash);
        if (path.endsWith("/")) {
            return "path must not end with '/'";
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "path segments must not be empty, '.' or '..'";
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                        || c == '_')) {
                    return "path may hold only a-z A-Z 0-9 . - _ (no query, fragment or percent-encoding)";
                }
            }
        }
        return null;
    }

    private static SpiffeId split(String uri) {
        String rest = uri.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? new SpiffeId(rest, "") : new SpiffeId(rest.substring(0, slash), rest.substring(slash));
    }

    @Override
    public String toString() {
        return PREFIX + trustDomain + path;
    }
}

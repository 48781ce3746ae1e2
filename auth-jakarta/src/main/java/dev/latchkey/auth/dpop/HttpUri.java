package dev.latchkey.auth.dpop;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * The comparable form of an HTTP(S) URI for the DPoP {@code htu} check (RFC 9449 §4.3 check 9: query and fragment
 * ignored): syntax-based normalization (RFC 3986 §6.2.2: scheme and host in lower case, percent-encodings in upper
 * case, unreserved characters decoded, dot segments removed) and scheme-based normalization (§6.2.3: the default port
 * dropped, an empty path is {@code /}). A URI with user information, without a host, or with another scheme has no
 * comparable form.
 */
final class HttpUri {

    private static final String UNRESERVED_MARKS = "-._~";

    private HttpUri() {
    }

    /** The normalized {@code scheme://host[:port]/path}, or empty when {@code uri} is not an absolute HTTP(S) URI. */
    static Optional<String> normalize(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = parsed.getScheme();
        if (scheme == null || parsed.isOpaque() || parsed.getRawUserInfo() != null || parsed.getHost() == null) {
            return Optional.empty();
        }
        return of(scheme, parsed.getHost(), parsed.getPort(), parsed.getRawPath());
    }

    /**
     * The normalized form of its parts.
     *
     * @param port    -1 for none
     * @param rawPath still percent-encoded, as sent
     */
    static Optional<String> of(String scheme, String host, int port, String rawPath) {
        String s = scheme.toLowerCase(Locale.ROOT);
        int defaultPort = switch (s) {
            case "https" -> 443;
            case "http" -> 80;
            default -> 0;
        };
        if (defaultPort == 0 || host == null || host.isEmpty() || port > 65_535) {
            return Optional.empty();
        }
        Optional<String> path = normalizePath(rawPath == null || rawPath.isEmpty() ? "/" : rawPath);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(s).append("://").append(host.toLowerCase(Locale.ROOT));
        if (port >= 0 && port != defaultPort) {
            out.append(':').append(port);
        }
        return Optional.of(out.append(path.get()).toString());
    }

    /** The {@code scheme://host[:port]} of a normalized URI (RFC 6454 §4). */
    static String origin(String normalized) {
        int slash = normalized.indexOf('/', normalized.indexOf("://") + 3);
        return slash < 0 ? normalized : normalized.substring(0, slash);
    }

    private static Optional<String> normalizePath(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return Optional.empty();
        }
        StringBuilder decoded = new StringBuilder(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                decoded.append(c);
                continue;
            }
            if (i + 2 >= rawPath.length()) {
                return Optional.empty();
            }
            int hi = Character.digit(rawPath.charAt(i + 1), 16);
            int lo = Character.digit(rawPath.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                return Optional.empty();
            }
            char value = (char) (hi * 16 + lo);
            if (isUnreserved(value)) {
                decoded.append(value);
            } else {
                decoded.append('%').append(Character.toUpperCase(rawPath.charAt(i + 1)))
                        .append(Character.toUpperCase(rawPath.charAt(i + 2)));
            }
            i += 2;
        }
        return Optional.of(removeDotSegments(decoded.toString()));
    }

    private static boolean isUnreserved(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || UNRESERVED_MARKS.indexOf(c) >= 0);
    }

    /** RFC 3986 §5.2.4 for an absolute path: {@code .} and {@code ..} segments resolved. */
    private static String removeDotSegments(String path) {
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..")) {
                if (segment.equals("..") && !out.isEmpty()) {
                    out.removeLast();
                }
                if (last) {
                    out.addLast(""); // "/a/." and "/a/.." end in a slash
                }
            } else {
                out.addLast(segment);
            }
        }
        return "/" + String.join("/", out);
    }
}

package dev.latchkey.auth.dpop;

import dev.latchkey.auth.request.ForwardedProto;
import dev.latchkey.auth.request.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The URI the client addressed (RFC 9110 §7.1 target URI, without query and fragment), as the DPoP {@code htu} claim
 * names it (RFC 9449 §4.2), in {@link HttpUri normalized} form.
 *
 * <ul>
 *   <li>scheme: {@code https} when the client's leg was TLS, as {@link ForwardedProto} decides (a trusted proxy's
 *       {@code X-Forwarded-Proto}, otherwise the connection);</li>
 *   <li>authority: from a peer in {@link TrustedProxies}, {@value #FORWARDED_HOST} and {@value #FORWARDED_PORT} when
 *       present (every entry must agree: two different hosts name no single URI, so none matches); otherwise the
 *       {@code Host} the client sent (RFC 9110 §7.2); a missing port is the scheme's default;</li>
 *   <li>path: the request line's path as sent, still percent-encoded.</li>
 * </ul>
 * From any other peer the forwarding headers are ignored, so a client cannot make a proof for one URI count for
 * another.
 */
final class EffectiveRequestUri {

    static final String FORWARDED_HOST = "X-Forwarded-Host";
    static final String FORWARDED_PORT = "X-Forwarded-Port";

    private EffectiveRequestUri() {
    }

    /** The normalized effective URI, or empty when it cannot be determined (conflicting or malformed headers). */
    static Optional<String> of(HttpServletRequest request, TrustedProxies proxies) {
        String scheme = ForwardedProto.isSecure(request, proxies) ? "https" : "http";
        boolean trustedPeer = proxies.contains(request.getRemoteAddr());
        Optional<String> forwardedHost = trustedPeer ? single(request, FORWARDED_HOST) : Optional.empty();
        Optional<String> forwardedPort = trustedPeer ? single(request, FORWARDED_PORT) : Optional.empty();
        if (forwardedHost.filter(String::isEmpty).isPresent() || forwardedPort.filter(String::isEmpty).isPresent()) {
            return Optional.empty(); // entries that disagree
        }
        String authority = forwardedHost.orElseGet(() -> request.getHeader("Host"));
        String host;
        int port;
        if (authority != null && !authority.isBlank()) {
            Authority parsed = Authority.parse(authority.strip());
            if (parsed == null) {
                return Optional.empty();
            }
            host = parsed.host();
            port = parsed.port();
        } else {
            host = request.getServerName();
            port = request.getServerPort();
        }
        if (forwardedPort.isPresent()) {
            try {
                port = Integer.parseInt(forwardedPort.get());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return HttpUri.of(scheme, host, port, request.getRequestURI());
    }

    /**
     * The one value of a list header: every entry of every line, stripped and lower-cased, equal. Empty when the
     * header is absent; an empty string when its entries disagree.
     */
    private static Optional<String> single(HttpServletRequest request, String name) {
        var lines = request.getHeaders(name);
        List<String> entries = new ArrayList<>();
        for (String line : lines == null ? List.<String>of() : Collections.list(lines)) {
            for (String entry : line.split(",", -1)) {
                entries.add(entry.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        String first = entries.get(0);
        return Optional.of(entries.stream().allMatch(first::equals) ? first : "");
    }

    /** {@code host}, {@code host:port}, {@code [v6]}, {@code [v6]:port} (RFC 3986 §3.2.2, §3.2.3). */
    private record Authority(String host, int port) {

        static Authority parse(String authority) {
            String host = authority;
            String port = null;
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                if (close < 0) {
                    return null;
                }
                host = authority.substring(0, close + 1);
                String rest = authority.substring(close + 1);
                if (!rest.isEmpty()) {
                    if (!rest.startsWith(":")) {
                        return null;
                    }
                    port = rest.substring(1);
                }
            } else {
                int colon = authority.indexOf(':');
                if (colon >= 0) {
                    host = authority.substring(0, colon);
                    port = authority.substring(colon + 1);
                }
            }
            if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@' || c >= 0x7F)) {
                return null;
            }
            if (port == null || port.isEmpty()) {
                return new Authority(host, -1);
            }
            if (port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
                return null;
            }
            return new Authority(host, Integer.parseInt(port));
        }
    }
}

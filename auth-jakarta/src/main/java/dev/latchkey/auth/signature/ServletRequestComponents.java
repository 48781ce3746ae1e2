package dev.latchkey.auth.signature;

import dev.latchkey.auth.request.ForwardedProto;
import dev.latchkey.auth.request.RequestContent;
import dev.latchkey.auth.request.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The components of a received request. The scheme is {@code https} when the client's request reached the first
 * trusted hop over TLS ({@link ForwardedProto}), so that a request signed for {@code https://...} verifies behind a
 * TLS-terminating proxy in {@code latchkey.trusted-proxies}; the authority is the {@code Host} header as sent when it
 * names the host the request was routed to, else the routed server name and port (see {@link #authority()}). The path and query are read undecoded
 * ({@link HttpServletRequest#getRequestURI()}, {@link HttpServletRequest#getQueryString()}).
 */
public record ServletRequestComponents(HttpServletRequest request,
                                       TrustedProxies proxies) implements RequestComponents {

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String scheme() {
        return ForwardedProto.isSecure(request, proxies) ? "https" : "http";
    }

    /**
     * The authority the request was routed by. With an absolute-form target (RFC 9112 §3.2.2) the container routes by
     * the target's authority and ignores {@code Host}, so a {@code Host} that names another host is not used: the
     * routed server name and port are, and a signature over the {@code Host} value fails to verify.
     */
    @Override
    public String authority() {
        String routed = request.getServerName();
        String host = request.getHeader("Host");
        if (host == null || host.isBlank() || (routed != null && !routed.equalsIgnoreCase(hostPart(host)))) {
            host = routed + ":" + request.getServerPort();
        }
        return Authority.normalize(scheme(), host);
    }

    /** {@code host} of {@code host[:port]}, without the brackets of an IPv6 literal. */
    private static String hostPart(String hostAndPort) {
        String value = hostAndPort.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(1, end);
        }
        int colon = value.lastIndexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    @Override
    public Target target() {
        return new Target(request.getRequestURI(), request.getQueryString());
    }

    @Override
    public List<String> fieldLines(String lowercaseName) {
        Enumeration<String> lines = request.getHeaders(lowercaseName);
        return lines == null ? List.of() : Collections.list(lines);
    }

    @Override
    public boolean hasContent() {
        return RequestContent.present(request);
    }
}

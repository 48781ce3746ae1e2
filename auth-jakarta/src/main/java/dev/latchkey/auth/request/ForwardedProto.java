package dev.latchkey.auth.request;

import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Whether the client's request reached the first trusted hop over TLS. From a peer in {@link TrustedProxies}, the
 * {@value #FORWARDED_PROTO} header decides when present: every entry of every line must be {@code https} (each hop
 * that appends reports the scheme it received, so one {@code http} anywhere means a clear-text leg, and an entry the
 * client wrote cannot turn the trusted hop's {@code http} into {@code https}). Without the header, the peer's own
 * connection counts ({@link HttpServletRequest#isSecure()}). From any other peer the header is ignored: only the
 * connection counts, so a client cannot claim TLS it did not use.
 *
 * <p>The container's own forwarded-header support (Jetty's {@code ForwardedRequestCustomizer}) must stay off: it
 * believes these headers from every peer and takes the left-most {@code X-Forwarded-For} entry, which the client
 * wrote.
 */
public final class ForwardedProto {

    public static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    private static final String HTTPS = "https";

    private ForwardedProto() {
    }

    public static boolean isSecure(HttpServletRequest request, TrustedProxies proxies) {
        if (!proxies.contains(request.getRemoteAddr())) {
            return request.isSecure();
        }
        List<String> entries = entries(request);
        if (entries.isEmpty()) {
            return request.isSecure();
        }
        return entries.stream().allMatch(HTTPS::equals);
    }

    private static List<String> entries(HttpServletRequest request) {
        var lines = request.getHeaders(FORWARDED_PROTO);
        List<String> entries = new ArrayList<>();
        for (String line : lines == null ? List.<String>of() : Collections.list(lines)) {
            for (String entry : line.split(",", -1)) {
                entries.add(entry.strip().toLowerCase(Locale.ROOT));
            }
        }
        return entries;
    }
}

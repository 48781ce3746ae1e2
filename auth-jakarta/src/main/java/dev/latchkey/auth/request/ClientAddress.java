package dev.latchkey.auth.request;

import jakarta.servlet.http.HttpServletRequest;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The client's address for throttling, lockouts and audit. The TCP peer, unless the peer is a
 * {@link TrustedProxies trusted proxy}: then {@value #FORWARDED_FOR} is read from the right (the entry the nearest
 * trusted hop appended) leftwards, skipping trusted hops, and the first address that is not a trusted hop is the
 * client. Entries left of it were written by the client and are never believed (MDN, "X-Forwarded-For: Security and
 * privacy concerns"; the left-most value is attacker-controlled). All header lines count, as one list (RFC 9110
 * §5.3). An entry that is not an IP literal ends the walk at the last trusted hop: a proxy that forwards garbage is
 * treated as the client, so no client can choose its address.
 */
public final class ClientAddress {

    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private ClientAddress() {
    }

    /** The client address, or empty when the peer address is not an IP literal (e.g. a Unix socket). */
    public static Optional<InetAddress> of(HttpServletRequest request, TrustedProxies proxies) {
        Optional<InetAddress> peer = CidrRange.parseAddress(request.getRemoteAddr());
        if (peer.isEmpty() || proxies.isEmpty() || !proxies.contains(peer.get())) {
            return peer;
        }
        InetAddress client = peer.get();
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = CidrRange.parseAddress(hops.get(i));
            if (hop.isEmpty()) {
                return Optional.of(client);
            }
            client = hop.get();
            if (!proxies.contains(client)) {
                return Optional.of(client);
            }
        }
        return Optional.of(client);
    }

    /**
     * The client address as audit events carry it: the address of {@link #of}, or, for a peer that is not an IP
     * literal, its text escaped by {@link LogSafe} (null when the container gives none).
     */
    public static String text(HttpServletRequest request, TrustedProxies proxies) {
        String peer = request.getRemoteAddr();
        return of(request, proxies).map(InetAddress::getHostAddress)
                .orElseGet(() -> peer == null ? null : LogSafe.value(peer));
    }

    /** The client's network ({@link ClientNetwork}), or the peer address text when it is not an IP literal. */
    public static ClientNetwork network(HttpServletRequest request, TrustedProxies proxies) {
        return of(request, proxies).map(ClientNetwork::of)
                .orElseGet(() -> ClientNetwork.unparsed(request.getRemoteAddr()));
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> lines = Collections.list(request.getHeaders(FORWARDED_FOR));
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            for (String part : line.split(",", -1)) {
                hops.add(stripPort(part.strip()));
            }
        }
        return hops;
    }

    /** {@code 192.0.2.1:4711} and {@code [2001:db8::1]:4711} appear in the wild; the port is not part of the address. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close < 0 ? hop : hop.substring(1, close);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}

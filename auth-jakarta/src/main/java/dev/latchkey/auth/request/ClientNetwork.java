package dev.latchkey.auth.request;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The unit that counters are kept per: an IPv4 address, or an IPv6 /64. One end site usually holds a whole IPv6
 * /64 (RFC 6177 §3, RFC 7421 §1), so keying on the full IPv6 address would give one client 2^64 fresh counters.
 *
 * @param key a printable, bounded key ({@code 192.0.2.7}, {@code 2001:db8:1:2::/64})
 */
public record ClientNetwork(String key) {

    private static final int IPV6_PREFIX_BYTES = 8;
    private static final int MAX_UNPARSED = 64;

    public static ClientNetwork of(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(prefix, IPV6_PREFIX_BYTES, 16, (byte) 0);
            try {
                return new ClientNetwork(InetAddress.getByAddress(prefix).getHostAddress() + "/64");
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // 16 bytes are always an address
            }
        }
        return new ClientNetwork(address.getHostAddress());
    }

    /** The network of an address literal ({@code getRemoteAddr()} text), or its escaped text when it is none. */
    public static ClientNetwork ofLiteral(String address) {
        return CidrRange.parseAddress(address).map(ClientNetwork::of).orElseGet(() -> unparsed(address));
    }

    /** A peer that is not an IP literal (a Unix socket, a test double): its text, escaped and bounded. */
    static ClientNetwork unparsed(String peer) {
        return new ClientNetwork("peer:" + LogSafe.value(peer, MAX_UNPARSED));
    }

    @Override
    public String toString() {
        return key;
    }
}

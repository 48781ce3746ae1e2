package dev.latchkey.auth.request;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 CIDR block (RFC 4632 §3.1, RFC 4291 §2.3), e.g. {@code 10.0.0.0/8}, {@code 2001:db8::/32}; a bare
 * address means a single host. Host bits set in the network part are masked off ({@code 10.1.2.3/8} is
 * {@code 10.0.0.0/8}). IPv4-mapped IPv6 addresses ({@code ::ffff:10.1.2.3}) match IPv4 ranges, since the JDK maps them
 * to IPv4. Parsing never resolves host names: only literals are accepted.
 */
public final class CidrRange {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private final byte[] network;
    private final int prefix;
    private final String text;

    private CidrRange(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** @throws IllegalArgumentException for anything but an IP literal with an optional {@code /prefix} */
    public static CidrRange parse(String cidr) {
        String s = cidr == null ? "" : cidr.strip();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = parseAddress(addr).map(InetAddress::getAddress)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address: '" + addr + "'"));
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > max) {
                throw new IllegalArgumentException("bad prefix length in '" + s + "' (0-" + max + ")");
            }
            prefix = Integer.parseInt(p);
        }
        for (int bit = prefix; bit < max; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return new CidrRange(bytes, prefix, s);
    }

    /**
     * The four bytes of a dotted quad without leading zeros ({@code 192.0.2.1}, what containers report for IPv4
     * peers), read without a regular expression (this runs for every request that carries a credential); null for
     * any other text, which the general rules then judge.
     */
    static byte[] canonicalIpv4(String s) {
        byte[] quad = new byte[4];
        int i = 0;
        int n = s.length();
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= n || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i < n && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || value > 255 || i - start > 1 && s.charAt(start) == '0') {
                return null;
            }
            quad[part] = (byte) value;
        }
        return i == n ? quad : null;
    }

    /**
     * Parses an IP literal (as {@code ServletRequest.getRemoteAddr()} returns it: IPv6 possibly in brackets or with a
     * zone id) without DNS; empty for anything else.
     */
    public static Optional<InetAddress> parseAddress(String literal) {
        if (literal == null) {
            return Optional.empty();
        }
        byte[] quad = canonicalIpv4(literal);
        if (quad != null) {
            try {
                return Optional.of(InetAddress.getByAddress(quad));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // four bytes are always an address
            }
        }
        String s = literal.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(s).matches();
        if (v4) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        } else if (s.indexOf(':') < 0 || !IPV6.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s)); // a literal: no lookup
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        if (!Arrays.equals(a, 0, full, network, 0, full)) {
            return false;
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    /** Whether the literal address is inside; false for anything that is not an IP literal. */
    public boolean contains(String addressLiteral) {
        return parseAddress(addressLiteral).map(this::contains).orElse(false);
    }

    public boolean isIpv4() {
        return network.length == 4;
    }

    public int prefixLength() {
        return prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}

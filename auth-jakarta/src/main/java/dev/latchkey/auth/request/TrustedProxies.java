package dev.latchkey.auth.request;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.net.InetAddress;
import java.util.List;

/**
 * The reverse proxies whose forwarding headers are believed ({@value #PROPERTY}): CIDRs of the hops between the
 * client and this server. One list for every use: the client address ({@link ClientAddress}) and forwarded client
 * certificates. Empty (the default) believes no forwarding header: the client is the TCP peer.
 *
 * @param ranges the trusted hops
 */
public record TrustedProxies(List<CidrRange> ranges) {

    public static final String PROPERTY = "latchkey.trusted-proxies";
    /** The name used before the list was shared; refused so that an old configuration cannot silently trust nobody. */
    static final String FORMER_PROPERTY = "latchkey.client-cert.trusted-proxies";

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    public TrustedProxies {
        ranges = List.copyOf(ranges);
    }

    public static TrustedProxies of(String... cidrs) {
        return new TrustedProxies(List.of(cidrs).stream().map(CidrRange::parse).toList());
    }

    /** @throws ConfigurationException naming the property for anything but IP literals with optional prefixes */
    public static TrustedProxies from(ConfigReader config) {
        if (config.string(FORMER_PROPERTY).isPresent()) {
            throw new ConfigurationException(FORMER_PROPERTY, "was renamed to '" + PROPERTY
                    + "' (one list for client addresses and forwarded certificates); move the value there");
        }
        return new TrustedProxies(config.list(PROPERTY, List.of()).stream().map(c -> {
            try {
                return CidrRange.parse(c);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(PROPERTY, e.getMessage(), e);
            }
        }).toList());
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean contains(InetAddress address) {
        for (CidrRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the literal (as {@code getRemoteAddr()} returns it) is a trusted hop; false for a non-literal. */
    public boolean contains(String addressLiteral) {
        return !ranges.isEmpty() && CidrRange.parseAddress(addressLiteral).map(this::contains).orElse(false);
    }
}

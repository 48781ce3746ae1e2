package dev.latchkey.auth.signature;

import java.util.Locale;

/** The {@code @authority} normalization of RFC 9421 §2.2.3 (RFC 9110 §4.2.3): lowercase host, no default port. */
final class Authority {

    private Authority() {
    }

    /** {@code host[:port]} as sent (no user info), normalized for {@code scheme}. */
    static String normalize(String scheme, String hostAndPort) {
        String value = hostAndPort.strip().toLowerCase(Locale.ROOT);
        int colon = value.lastIndexOf(':');
        if (colon < 0 || value.indexOf(']', colon) >= 0) {
            return value; // no port (an IPv6 literal's colons are inside the brackets)
        }
        String port = value.substring(colon + 1);
        boolean defaultPort = ("http".equals(scheme) && "80".equals(port)) || ("https".equals(scheme) && "443".equals(port));
        return defaultPort || port.isEmpty() ? value.substring(0, colon) : value;
    }
}

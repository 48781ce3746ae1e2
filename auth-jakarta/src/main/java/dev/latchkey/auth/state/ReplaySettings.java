package dev.latchkey.auth.state;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.util.Map;

/**
 * Bounds of the in-memory {@link ReplayCache}, one per namespace ({@code latchkey.state.replay.<namespace>.*}), so
 * that one kind's identifiers cannot crowd out another's, and one client's cannot crowd out the others'.
 *
 * @param limits the bounds of each namespace: {@value #DPOP} and {@value #SIGNATURE}
 */
public record ReplaySettings(Map<String, Limit> limits) {

    public static final String PREFIX = "latchkey.state.replay.";
    /** Namespace of DPoP proof {@code jti}s (RFC 9449 §11.1). */
    public static final String DPOP = "dpop";
    /** Namespace of HTTP message signature nonces (RFC 9421 §7.2.2). */
    public static final String SIGNATURE = "signature";

    /**
     * DPoP: window proof-max-age 60 s + clock-skew 5 s = 65 s; 200 000 entries hold about 3 000 proofs/s per
     * instance, 10 000 per key thumbprint about 150/s. About 33 MiB at the bound (~173 bytes per entry).
     */
    static final Limit DPOP_DEFAULT = new Limit(200_000, 10_000);
    /**
     * Signatures: window max-age 300 s + clock-skew 30 s = 330 s; 200 000 entries hold about 600 nonces/s per
     * instance, 20 000 per key id about 60/s. About 33 MiB at the bound.
     */
    static final Limit SIGNATURE_DEFAULT = new Limit(200_000, 20_000);

    public ReplaySettings {
        limits = Map.copyOf(limits);
    }

    /**
     * @param maxEntries   {@code max-entries}: identifiers of the namespace live at once; beyond it new ones are
     *                     refused with 503 until some expire (never evicted early: an evicted one could be replayed)
     * @param maxPerClient {@code max-per-client}: of those, at most this many from one client (DPoP key thumbprint,
     *                     signature key id); beyond it that client alone gets 429 with {@code Retry-After}
     */
    public record Limit(long maxEntries, long maxPerClient) {
    }

    public static ReplaySettings from(ConfigReader c) {
        return new ReplaySettings(Map.of(DPOP, limit(c, DPOP, DPOP_DEFAULT),
                SIGNATURE, limit(c, SIGNATURE, SIGNATURE_DEFAULT)));
    }

    /** The same bounds for both namespaces (tests, tools). */
    public static ReplaySettings uniform(long maxEntries, long maxPerClient) {
        Limit limit = new Limit(maxEntries, maxPerClient);
        return new ReplaySettings(Map.of(DPOP, limit, SIGNATURE, limit));
    }

    private static Limit limit(ConfigReader c, String namespace, Limit defaults) {
        String entries = PREFIX + namespace + ".max-entries";
        String perClient = PREFIX + namespace + ".max-per-client";
        long max = c.longValue(entries, defaults.maxEntries());
        long quota = c.longValue(perClient, defaults.maxPerClient());
        if (max < 1) {
            throw new ConfigurationException(entries, "must be at least 1, got " + max);
        }
        if (quota < 1 || quota > max) {
            throw new ConfigurationException(perClient, "must be between 1 and " + entries + " (" + max + "), got "
                    + quota);
        }
        return new Limit(max, quota);
    }

    /** @throws IllegalArgumentException for a namespace without bounds (a programming error) */
    public Limit limit(String namespace) {
        Limit limit = limits.get(namespace);
        if (limit == null) {
            throw new IllegalArgumentException("no replay-cache bounds for namespace " + namespace);
        }
        return limit;
    }

    /** Sum of the namespaces' bounds. */
    public long totalEntries() {
        return limits.values().stream().mapToLong(Limit::maxEntries).sum();
    }
}

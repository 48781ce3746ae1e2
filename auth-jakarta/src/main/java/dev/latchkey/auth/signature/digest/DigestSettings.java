package dev.latchkey.auth.signature.digest;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Settings of the Content-Digest check ({@code latchkey.signature.digest.*}).
 *
 * @param algorithms {@code algorithms}: accepted hashing algorithms (default {@code sha-256,sha-512}, RFC 9530 §5)
 * @param maxBuffer  {@code max-buffer}: bytes of content read and checked before the resource runs, at most
 *                   (default 1048576); larger content is refused with 413 unless streaming
 * @param streaming  {@code streaming}: stream content larger than {@code max-buffer}, checked at its end (default
 *                   false; see {@link ContentDigestGate})
 */
public record DigestSettings(Set<DigestAlgorithm> algorithms, int maxBuffer, boolean streaming) {

    public static final String PREFIX = "latchkey.signature.digest.";
    public static final int DEFAULT_MAX_BUFFER = 1 << 20;

    public DigestSettings {
        algorithms = Set.copyOf(algorithms);
        if (algorithms.isEmpty()) {
            throw new ConfigurationException(PREFIX + "algorithms", "must name at least one of sha-256, sha-512");
        }
        if (maxBuffer < 0) {
            throw new ConfigurationException(PREFIX + "max-buffer", "must not be negative");
        }
    }

    public static DigestSettings defaults() {
        return new DigestSettings(EnumSet.allOf(DigestAlgorithm.class), DEFAULT_MAX_BUFFER, false);
    }

    public static DigestSettings from(ConfigReader c) {
        Set<DigestAlgorithm> algorithms = EnumSet.noneOf(DigestAlgorithm.class);
        for (String name : c.list(PREFIX + "algorithms", List.of("sha-256", "sha-512"))) {
            algorithms.add(DigestAlgorithm.byKey(name).orElseThrow(() -> new ConfigurationException(
                    PREFIX + "algorithms", "unknown algorithm '" + name + "': use sha-256 or sha-512")));
        }
        return new DigestSettings(algorithms, c.integer(PREFIX + "max-buffer", DEFAULT_MAX_BUFFER),
                c.bool(PREFIX + "streaming", false));
    }

    public ContentDigestGate gate() {
        return new ContentDigestGate(maxBuffer, streaming);
    }
}

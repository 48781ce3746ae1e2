package dev.latchkey.auth.signature.keys;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the signature key registry ({@code latchkey.signature.*}).
 *
 * @param store            {@code store}: {@code file} (default), {@code jdbc} (the database of
 *                         {@code latchkey.api-key.jdbc.*}, table {@code latchkey_signature_keys}) or {@code memory}
 * @param file             {@code file}: the key file (default {@code .latchkey/signature-keys.json})
 * @param kek              {@code kek}: the key-encryption key sealing HMAC secrets, 32 bytes in Base64; without it HMAC
 *                         keys can be neither created nor used
 * @param previousKeks     {@code kek.previous}: earlier KEKs (comma-separated Base64) that still open secrets sealed
 *                         under them
 * @param cacheTtl         {@code cache.ttl}: how long a found key is cached (default PT30S): bounds how long a
 *                         revocation made on another node takes to reach this one
 * @param negativeCacheTtl {@code cache.negative-ttl}: how long an unknown key id is cached (default PT5S)
 * @param cacheMaxSize     {@code cache.max-size} (default 10000)
 */
public record KeyRegistrySettings(String store, Path file, Optional<byte[]> kek, List<byte[]> previousKeks,
                                  Duration cacheTtl, Duration negativeCacheTtl, long cacheMaxSize) {

    public static final String PREFIX = "latchkey.signature.";

    public KeyRegistrySettings {
        if (!List.of("file", "jdbc", "memory").contains(store)) {
            throw new ConfigurationException(PREFIX + "store", "expected file, jdbc or memory, got '" + store + "'");
        }
        previousKeks = List.copyOf(previousKeks);
        if (kek.isEmpty() && !previousKeks.isEmpty()) {
            throw new ConfigurationException(PREFIX + "kek.previous", "needs " + PREFIX + "kek");
        }
        if (cacheTtl.isNegative() || cacheTtl.isZero() || negativeCacheTtl.isNegative() || negativeCacheTtl.isZero()) {
            throw new ConfigurationException(PREFIX + "cache.ttl", "cache TTLs must be positive durations");
        }
        if (cacheMaxSize < 1) {
            throw new ConfigurationException(PREFIX + "cache.max-size", "must be at least 1");
        }
    }

    public static KeyRegistrySettings from(ConfigReader c) {
        List<byte[]> previous = new ArrayList<>();
        for (String p : c.list(PREFIX + "kek.previous", List.of())) {
            previous.add(kek(PREFIX + "kek.previous", p));
        }
        return new KeyRegistrySettings(c.string(PREFIX + "store", "file"),
                Path.of(c.string(PREFIX + "file", ".latchkey/signature-keys.json")),
                c.string(PREFIX + "kek").map(k -> kek(PREFIX + "kek", k)), previous,
                c.duration(PREFIX + "cache.ttl", Duration.ofSeconds(30)),
                c.duration(PREFIX + "cache.negative-ttl", Duration.ofSeconds(5)),
                c.longValue(PREFIX + "cache.max-size", 10_000));
    }

    private static byte[] kek(String property, String base64) {
        byte[] kek;
        try {
            kek = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(property, "is not Base64");
        }
        if (kek.length != SecretSealer.KEK_BYTES) {
            throw new ConfigurationException(property, "must be " + SecretSealer.KEK_BYTES + " bytes (AES-256) in "
                    + "Base64, e.g. the output of 'openssl rand -base64 32'");
        }
        return kek;
    }

    /** The sealer over the configured KEKs, or empty when no KEK is configured. */
    public Optional<SecretSealer> sealer() {
        return kek.map(k -> new SecretSealer(k, previousKeks));
    }

    /** Never shows a KEK. */
    @Override
    public String toString() {
        return "KeyRegistrySettings[store=" + store + ", file=" + file + ", kek=" + (kek.isPresent() ? "***" : "none")
                + ", previousKeks=" + previousKeks.size() + ", cacheTtl=" + cacheTtl + ", negativeCacheTtl="
                + negativeCacheTtl + ", cacheMaxSize=" + cacheMaxSize + "]";
    }
}

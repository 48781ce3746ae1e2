package dev.latchkey.auth.apikey;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the API-key mechanism ({@code latchkey.api-key.*}).
 *
 * @param environment         {@code environment}: the only environment this deployment accepts (default
 *                            {@code test}: a deployment that forgot to configure it fails closed for production keys,
 *                            rather than a staging server silently accepting {@code live} keys)
 * @param prefixes            {@code prefixes}: {@code prefix=environment} pairs (default
 *                            {@code sk_live_=live,sk_test_=test}); prefixes use {@code [A-Za-z0-9_]}
 * @param pepper              {@code pepper}: optional HMAC key (at least 32 characters) for stored hashes
 * @param header              {@code header}: the API key header (default {@code X-API-Key})
 * @param basicEnabled        {@code basic-enabled}: accept Stripe-style Basic (key as user name, empty password)
 * @param queryParameterNames {@code query-parameters}: query parameters refused whatever their (non-empty) value,
 *                            as attempts to send a key in the URL (default {@code api_key,apikey,api-key}: names that
 *                            mean nothing but an API key, so {@code ?key=} or {@code ?token=} stay usable by
 *                            applications); a value starting with a key prefix is refused under any name
 * @param store               {@code store}: {@code file} (default), {@code jdbc} or {@code memory}
 * @param file                {@code file}: the key file (default {@code .latchkey/api-keys.json} under the working
 *                            directory)
 * @param cacheTtl            {@code cache.ttl}: how long a found key is cached (default {@code PT30S})
 * @param negativeCacheTtl    {@code cache.negative-ttl}: how long an unknown key is cached (default {@code PT5S})
 * @param cacheMaxSize        {@code cache.max-size} (default 10000)
 * @param rateLimit           {@code rate-limit}: default per-key quota {@code <requests>/<ISO-8601 duration>}
 *                            (default {@code 100/PT1M}); {@code off} disables rate limiting
 * @param rateLimitMaxBuckets {@code rate-limit.max-buckets}: bounded number of per-key buckets (default 100000)
 * @param lastUsedFlush       {@code last-used.flush-interval}: how often last-use times are written (default PT30S)
 */
public record ApiKeySettings(String environment, Map<String, String> prefixes, Optional<String> pepper, String header,
                             boolean basicEnabled, List<String> queryParameterNames, String store, Path file,
                             Duration cacheTtl, Duration negativeCacheTtl, long cacheMaxSize,
                             Optional<RateLimit> rateLimit, long rateLimitMaxBuckets, Duration lastUsedFlush) {

    public static final String PREFIX = "latchkey.api-key.";

    /** Names that only ever mean an API key; generic names such as {@code key} are left to applications. */
    static final List<String> DEFAULT_QUERY_PARAMETERS = List.of("api_key", "apikey", "api-key");

    public ApiKeySettings {
        Objects.requireNonNull(environment, "environment");
        prefixes = Map.copyOf(prefixes);
        if (prefixes.isEmpty()) {
            throw new ConfigurationException(PREFIX + "prefixes", "must name at least one prefix");
        }
        prefixes.forEach((prefix, env) -> {
            if (!prefix.matches("[A-Za-z0-9_]{2,32}") || env.isBlank()) {
                throw new ConfigurationException(PREFIX + "prefixes",
                        "expected prefix=environment pairs with prefixes of 2-32 characters [A-Za-z0-9_]");
            }
        });
        if (!prefixes.containsValue(environment)) {
            throw new ConfigurationException(PREFIX + "environment",
                    "'" + environment + "' has no prefix in " + PREFIX + "prefixes " + prefixes);
        }
        if (pepper.isPresent() && pepper.get().getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new ConfigurationException(PREFIX + "pepper", "must be at least 32 characters");
        }
        if (header == null || !header.matches("[A-Za-z0-9-]+")) {
            throw new ConfigurationException(PREFIX + "header", "must be an HTTP header name");
        }
        queryParameterNames = List.copyOf(queryParameterNames);
        if (!List.of("file", "jdbc", "memory").contains(store)) {
            throw new ConfigurationException(PREFIX + "store", "expected file, jdbc or memory, got '" + store + "'");
        }
        requirePositive(cacheTtl, "cache.ttl");
        requirePositive(negativeCacheTtl, "cache.negative-ttl");
        requirePositive(lastUsedFlush, "last-used.flush-interval");
        if (cacheMaxSize < 1 || rateLimitMaxBuckets < 1) {
            throw new ConfigurationException(PREFIX + (cacheMaxSize < 1 ? "cache.max-size" : "rate-limit.max-buckets"),
                    "must be at least 1");
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigurationException(PREFIX + name, "must be a positive duration");
        }
    }

    /** Defaults for {@code environment}, for tests and programmatic use. */
    public static ApiKeySettings defaults(String environment) {
        return new ApiKeySettings(environment, defaultPrefixes(), Optional.empty(), "X-API-Key", false,
                DEFAULT_QUERY_PARAMETERS, "file", Path.of(".latchkey", "api-keys.json"),
                Duration.ofSeconds(30), Duration.ofSeconds(5), 10_000, Optional.of(RateLimit.parse("100/PT1M")),
                100_000, Duration.ofSeconds(30));
    }

    static Map<String, String> defaultPrefixes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sk_live_", "live");
        m.put("sk_test_", "test");
        return m;
    }

    /**
     * {@code latchkey.api-key.prefixes}: key prefix to environment, e.g. {@code sk_live_=live,sk_test_=test}. The one
     * parser of this property: the JWT and Basic resolvers use its keys to leave API keys to the API-key kind.
     */
    public static Map<String, String> prefixes(ConfigReader c) {
        Map<String, String> prefixes = new LinkedHashMap<>();
        for (String pair : c.list(PREFIX + "prefixes", List.of("sk_live_=live", "sk_test_=test"))) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new ConfigurationException(PREFIX + "prefixes", "expected prefix=environment, got '" + pair + "'");
            }
            prefixes.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return prefixes;
    }

    public static ApiKeySettings from(ConfigReader c) {
        Map<String, String> prefixes = prefixes(c);
        String rate = c.string(PREFIX + "rate-limit", "100/PT1M");
        Optional<RateLimit> rateLimit;
        try {
            rateLimit = rate.equalsIgnoreCase("off") || rate.equalsIgnoreCase("none")
                    ? Optional.empty() : Optional.of(RateLimit.parse(rate));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(PREFIX + "rate-limit", e.getMessage());
        }
        return new ApiKeySettings(c.string(PREFIX + "environment", "test"), prefixes, c.string(PREFIX + "pepper"),
                c.string(PREFIX + "header", "X-API-Key"), c.bool(PREFIX + "basic-enabled", false),
                c.list(PREFIX + "query-parameters", DEFAULT_QUERY_PARAMETERS),
                c.string(PREFIX + "store", "file"),
                Path.of(c.string(PREFIX + "file", ".latchkey/api-keys.json")),
                c.duration(PREFIX + "cache.ttl", Duration.ofSeconds(30)),
                c.duration(PREFIX + "cache.negative-ttl", Duration.ofSeconds(5)),
                c.longValue(PREFIX + "cache.max-size", 10_000), rateLimit,
                c.longValue(PREFIX + "rate-limit.max-buckets", 100_000),
                c.duration(PREFIX + "last-used.flush-interval", Duration.ofSeconds(30)));
    }

    public ApiKeySettings withBasicEnabled(boolean enabled) {
        return new ApiKeySettings(environment, prefixes, pepper, header, enabled, queryParameterNames, store, file,
                cacheTtl, negativeCacheTtl, cacheMaxSize, rateLimit, rateLimitMaxBuckets, lastUsedFlush);
    }

    /** Never shows the pepper. */
    @Override
    public String toString() {
        return "ApiKeySettings[environment=" + environment + ", prefixes=" + prefixes + ", pepper="
                + (pepper.isPresent() ? "***" : "none") + ", header=" + header + ", basicEnabled=" + basicEnabled
                + ", store=" + store + ", file=" + file + ", cacheTtl=" + cacheTtl + ", negativeCacheTtl="
                + negativeCacheTtl + ", rateLimit=" + rateLimit.map(Object::toString).orElse("off") + "]";
    }
}

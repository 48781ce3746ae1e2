package dev.latchkey.bench;

import dev.latchkey.auth.state.LocalInvalidationBus;
import dev.latchkey.auth.apikey.ApiKeyCredential;
import dev.latchkey.auth.apikey.ApiKeyHasher;
import dev.latchkey.auth.apikey.ApiKeyIdentityStore;
import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.auth.apikey.ApiKeySettings;
import dev.latchkey.auth.apikey.ApiKeyValidator;
import dev.latchkey.auth.apikey.format.ApiKeyFormat;
import dev.latchkey.auth.apikey.store.CachingApiKeyStore;
import dev.latchkey.auth.apikey.store.InMemoryApiKeyStore;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The API-key validation path as {@code ApiKeyProducers} wires it, from {@code latchkey.api-key.*} settings
 * (memory store, a pepper, a 24-hour positive cache TTL): an in-memory backend wrapped in a {@link CountingStore},
 * behind the {@link CachingApiKeyStore}; {@link ApiKeyValidator} and {@link ApiKeyIdentityStore} over it; one key issued through
 * {@link ApiKeyService}.
 */
public final class ApiKeyFixture {

    public static final String SOURCE = "header:X-API-Key";

    public final ApiKeySettings settings;
    public final CountingStore backend;
    public final ApiKeyFormat format;
    public final ApiKeyValidator validator;
    public final ApiKeyIdentityStore identityStore;
    /** The issued key (a secret; it exists only in this JVM). */
    public final String key;

    private ApiKeyFixture(Clock clock) {
        settings = ApiKeySettings.from(BenchConfig.reader(Map.of(
                "latchkey.api-key.store", "memory",
                "latchkey.api-key.environment", "test",
                "latchkey.api-key.pepper", "benchmark-pepper-0123456789abcdefghij",
                // The key is cached once at set-up and the benchmarks run on the system clock: with the default
                // 30 s TTL, any run longer than that would mix store misses into the "cached" numbers.
                "latchkey.api-key.cache.ttl", "PT24H")));
        backend = new CountingStore(new InMemoryApiKeyStore());
        CachingApiKeyStore cached = new CachingApiKeyStore(backend, settings.cacheTtl(), settings.negativeCacheTtl(),
                settings.cacheMaxSize(), clock, new LocalInvalidationBus());
        format = new ApiKeyFormat(settings.prefixes());
        validator = new ApiKeyValidator(format, ApiKeyHasher.of(settings), cached, settings.environment(), clock);
        identityStore = new ApiKeyIdentityStore(() -> validator);
        key = ApiKeyService.of(settings, cached, clock).create("bench", Set.of("orders:read"), null).key();
    }

    public static ApiKeyFixture create(Clock clock) {
        return new ApiKeyFixture(clock);
    }

    /** What the authenticator hands the IdentityStoreHandler: the key parsed and checksummed once. */
    public ApiKeyCredential credential() {
        return new ApiKeyCredential(format.parse(key), SOURCE);
    }
}

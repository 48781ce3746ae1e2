package dev.latchkey.auth.apikey;

import dev.latchkey.auth.apikey.format.ApiKeyFormat;
import dev.latchkey.auth.apikey.format.ApiKeyGenerator;
import dev.latchkey.auth.apikey.jdbc.JdbcApiKeyStore;
import dev.latchkey.auth.apikey.jdbc.JdbcSettings;
import dev.latchkey.auth.apikey.jdbc.OwnedPools;
import dev.latchkey.auth.apikey.store.ApiKeyStore;
import dev.latchkey.auth.apikey.store.CachingApiKeyStore;
import dev.latchkey.auth.apikey.store.FileApiKeyStore;
import dev.latchkey.auth.apikey.store.InMemoryApiKeyStore;
import dev.latchkey.auth.apikey.store.PublishingApiKeyStore;
import dev.latchkey.auth.clock.LatchkeyClock;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.state.StateStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * CDI producers for the API-key mechanism, built once from MicroProfile Config. Each product is a replaceable bean:
 * an application may supply an {@code @Alternative} {@link ApiKeyStore} (wrap it in {@link CachingApiKeyStore}),
 * settings or validator. The store is the configured backend ({@code latchkey.api-key.store}: {@code file} default,
 * {@code jdbc}, {@code memory}) behind the cache.
 */
@ApplicationScoped
public class ApiKeyProducers {

    @Inject
    @LatchkeyClock
    Clock clock;

    @Produces
    @Singleton
    ApiKeySettings settings() {
        return ApiKeySettings.from(ConfigReader.current());
    }

    @Produces
    @Singleton
    ApiKeyFormat format(ApiKeySettings settings) {
        return new ApiKeyFormat(settings.prefixes());
    }

    @Produces
    @Singleton
    ApiKeyHasher hasher(ApiKeySettings settings) {
        return ApiKeyHasher.of(settings);
    }

    /** Connection pools this bean opened (for {@code latchkey.api-key.jdbc.url}); closed with the application. */
    private final OwnedPools pools = new OwnedPools("API-key");

    @Produces
    @Singleton
    ApiKeyStore store(ApiKeySettings settings, StateStore state) {
        ApiKeyStore published = new PublishingApiKeyStore(backend(settings, ConfigReader.current(), pools),
                state.bus());
        return new CachingApiKeyStore(published, settings.cacheTtl(), settings.negativeCacheTtl(),
                settings.cacheMaxSize(), clock, state.bus());
    }

    @PreDestroy
    void closePools() {
        pools.closeAll();
    }

    /**
     * The configured backend ({@code latchkey.api-key.store}) without the cache: also for tools that manage keys
     * without CDI, such as a CLI.
     *
     * @throws ConfigurationException when the JDBC settings are incomplete or the JNDI data source is missing
     */
    public static ApiKeyStore backend(ApiKeySettings settings, ConfigReader config) {
        return backend(settings, config, pool -> { });
    }

    /** As {@link #backend(ApiKeySettings, ConfigReader)}, handing a connection pool it opens to {@code owned}. */
    public static ApiKeyStore backend(ApiKeySettings settings, ConfigReader config, Consumer<AutoCloseable> owned) {
        return switch (settings.store()) {
            case "jdbc" -> jdbc(JdbcSettings.from(config), owned);
            case "memory" -> new InMemoryApiKeyStore();
            default -> new FileApiKeyStore(settings.file());
        };
    }

    static JdbcApiKeyStore jdbc(JdbcSettings jdbc, Consumer<AutoCloseable> owned) {
        JdbcApiKeyStore store = new JdbcApiKeyStore(jdbc.dataSource(owned), (int) jdbc.queryTimeout().toSeconds());
        if (jdbc.initSchema()) {
            store.createSchema();
        }
        return store;
    }

    @Produces
    @Singleton
    ApiKeyValidator validator(ApiKeyFormat format, ApiKeyHasher hasher, ApiKeyStore store, ApiKeySettings settings) {
        return new ApiKeyValidator(format, hasher, store, settings.environment(), clock);
    }

    /** From the injected format and hasher (not {@link ApiKeyService#of}): an alternative hasher issues valid keys. */
    @Produces
    @Singleton
    ApiKeyService service(ApiKeyStore store, ApiKeyFormat format, ApiKeyHasher hasher, ApiKeySettings settings) {
        return new ApiKeyService(store, new ApiKeyGenerator(format), hasher, settings.environment(), clock);
    }

    @Produces
    @Singleton
    ApiKeyRateLimiter rateLimiter(ApiKeySettings settings, StateStore state) {
        return new ApiKeyRateLimiter(settings.rateLimit(), state.buckets("api-key", settings.rateLimitMaxBuckets()));
    }

    @Produces
    @Singleton
    LastUsedRecorder lastUsedRecorder(ApiKeyStore store, ApiKeySettings settings) {
        return new LastUsedRecorder(store, clock).start(settings.lastUsedFlush());
    }

    /**
     * The kind, when {@code api-key} is enabled. It takes the validator only to build it (and the key store) now: a
     * store that cannot be opened fails deployment, not the first request.
     */
    @Produces
    @Singleton
    @Named(ApiKeyKind.NAME)
    ApiKeyKind kind(ApiKeyFormat format, ApiKeySettings settings, ApiKeyRateLimiter rateLimiter,
                    LastUsedRecorder lastUsed, Event<ApiKeyExposed> exposed, ApiKeyValidator validator,
                    TrustedProxies proxies) {
        return new ApiKeyKind(new ApiKeyResolver(format, settings, proxies, new ApiKeyExposures(exposed::fire)),
                rateLimiter, lastUsed);
    }

    @Produces
    @Singleton
    ApiKeyIdentityStore store(Instance<ApiKeyValidator> validator) {
        return new ApiKeyIdentityStore(validator::get);
    }

    void closeLastUsedRecorder(@Disposes LastUsedRecorder recorder) {
        recorder.close();
    }
}

package dev.latchkey.sample.cli;

import dev.latchkey.auth.apikey.ApiKeyProducers;
import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.auth.apikey.ApiKeySettings;
import dev.latchkey.auth.apikey.store.ApiKeyStore;
import dev.latchkey.auth.apikey.store.PublishingApiKeyStore;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.state.StateSettings;
import dev.latchkey.auth.state.StateStore;
import dev.latchkey.auth.state.select.StateStores;

import java.io.PrintStream;
import java.time.Clock;

/**
 * The {@link ApiKeyService} the server uses, from the same MicroProfile Config ({@code latchkey.api-key.*}), without
 * CDI: {@link ApiKeyService#of} over the configured backend ({@link ApiKeyProducers#backend}), file or JDBC. No cache
 * in front of the store, so every command sees the keys as they are. When the servers share state
 * ({@code latchkey.state.store=jdbc|redis}), each revocation or rotation is also announced on that store's bus
 * ({@link PublishingApiKeyStore}), so the running servers drop the key from their caches within a second instead of
 * their cache TTL.
 */
public final class ApiKeyServiceFactory {

    private ApiKeyServiceFactory() {
    }

    /** The service of one command and the shared state store its writes are announced on (none: null). */
    public record Opened(ApiKeyService service, StateStore state) implements AutoCloseable {

        @Override
        public void close() {
            if (state != null) {
                state.close();
            }
        }
    }

    /**
     * A shared state store that cannot be opened does not stop the command (a leaked key must be revocable while
     * Redis is down): the change is made, a warning says the servers see it only after their cache TTL.
     *
     * @throws ConfigurationException for bad settings, or for the {@code memory} store (lost when the CLI exits)
     */
    public static Opened open(ConfigReader config, Clock clock, PrintStream warnings) {
        ApiKeySettings settings = ApiKeySettings.from(config);
        if ("memory".equals(settings.store())) {
            throw new ConfigurationException(ApiKeySettings.PREFIX + "store",
                    "the CLI cannot manage the memory store: its keys would be lost when the command exits");
        }
        ApiKeyStore backend = ApiKeyProducers.backend(settings, config);
        StateSettings shared = StateSettings.from(config);
        if (!shared.shared()) {
            return new Opened(ApiKeyService.of(settings, backend, clock), null);
        }
        StateStore state;
        try {
            state = StateStores.open(shared, clock);
        } catch (ConfigurationException e) {
            warnings.println("warning: changes are not announced to the running servers (" + e.getMessage()
                    + "); they see them within their cache TTL (" + ApiKeySettings.PREFIX + "cache.ttl)");
            return new Opened(ApiKeyService.of(settings, backend, clock), null);
        }
        return new Opened(ApiKeyService.of(settings, new PublishingApiKeyStore(backend, state.bus()), clock), state);
    }
}

package dev.latchkey.sample.cli;

import dev.latchkey.auth.apikey.ApiKeyProducers;
import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.auth.apikey.ApiKeySettings;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.time.Clock;

/**
 * The {@link ApiKeyService} the server uses, from the same MicroProfile Config ({@code latchkey.api-key.*}), without
 * CDI: {@link ApiKeyService#of} over the configured backend ({@link ApiKeyProducers#backend}), file or JDBC. No cache
 * in front of the store, so every command sees the keys as they are.
 */
public final class ApiKeyServiceFactory {

    private ApiKeyServiceFactory() {
    }

    /** @throws ConfigurationException for bad settings, or for the {@code memory} store (lost when the CLI exits) */
    public static ApiKeyService fromConfig(ConfigReader config) {
        ApiKeySettings settings = ApiKeySettings.from(config);
        if ("memory".equals(settings.store())) {
            throw new ConfigurationException(ApiKeySettings.PREFIX + "store",
                    "the CLI cannot manage the memory store: its keys would be lost when the command exits");
        }
        return ApiKeyService.of(settings, ApiKeyProducers.backend(settings, config), Clock.systemUTC());
    }
}

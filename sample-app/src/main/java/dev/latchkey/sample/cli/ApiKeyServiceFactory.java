package dev.latchkey.sample.cli;

import dev.latchkey.auth.apikey.ApiKeyHasher;
import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.auth.apikey.ApiKeySettings;
import dev.latchkey.auth.apikey.format.ApiKeyFormat;
import dev.latchkey.auth.apikey.format.ApiKeyGenerator;
import dev.latchkey.auth.apikey.store.FileApiKeyStore;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Builds the same {@link ApiKeyService} the server's CDI producers build, from the same MicroProfile Config
 * ({@code latchkey.api-key.*}), without CDI: format, pepper, environment and the file store. No cache in front of the
 * store, so every command sees the file as it is.
 */
public final class ApiKeyServiceFactory {

    private ApiKeyServiceFactory() {
    }

    public static ApiKeyService fromConfig(ConfigReader config) {
        ApiKeySettings settings = ApiKeySettings.from(config);
        if (!"file".equals(settings.store())) {
            throw new ConfigurationException(ApiKeySettings.PREFIX + "store",
                    "the sample CLI manages the file store only, not '" + settings.store() + "'");
        }
        ApiKeyFormat format = new ApiKeyFormat(settings.prefixes());
        ApiKeyHasher hasher = new ApiKeyHasher(
                settings.pepper().map(p -> p.getBytes(StandardCharsets.UTF_8)).orElse(null));
        return new ApiKeyService(new FileApiKeyStore(settings.file()), new ApiKeyGenerator(format), hasher,
                settings.environment(), Clock.systemUTC());
    }
}

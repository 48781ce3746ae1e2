package dev.latchkey.sample.cli;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.signature.keys.ClientKeyService;
import dev.latchkey.auth.signature.keys.ClientKeyStores;
import dev.latchkey.auth.signature.keys.KeyRegistrySettings;
import dev.latchkey.sample.signature.DevKek;

import java.time.Clock;

/**
 * The {@link ClientKeyService} the server uses, from the same configuration ({@code latchkey.signature.*}), without
 * CDI and without a cache. Unless a KEK is configured, the sample's development KEK ({@link DevKek}) is used, so the
 * server opens the secrets this command seals.
 */
public final class SignatureKeyServiceFactory {

    private SignatureKeyServiceFactory() {
    }

    /** @throws ConfigurationException for bad settings, or for the {@code memory} store */
    public static ClientKeyService fromConfig(ConfigReader config) {
        DevKek.useUnlessConfigured(config);
        KeyRegistrySettings settings = KeyRegistrySettings.from(config);
        if ("memory".equals(settings.store())) {
            throw new ConfigurationException(KeyRegistrySettings.PREFIX + "store",
                    "the CLI cannot manage the memory store: its keys would be lost when the command exits");
        }
        return new ClientKeyService(ClientKeyStores.backend(settings, config, pool -> { }),
                settings.sealer().orElse(null), Clock.systemUTC(), keyId -> { });
    }
}

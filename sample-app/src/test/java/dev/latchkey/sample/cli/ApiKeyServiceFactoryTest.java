package dev.latchkey.sample.cli;

import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.auth.apikey.CreatedApiKey;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyServiceFactoryTest {

    @TempDir
    Path dir;

    private static ConfigReader config(Map<String, String> properties) {
        return new ConfigReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build());
    }

    @Test
    void whenTheFileStoreIsConfiguredThenKeysAreIssuedForTheEnvironmentIntoThatFile() {
        Path file = dir.resolve("keys.json");
        ConfigReader config = config(Map.of("latchkey.api-key.environment", "live",
                "latchkey.api-key.file", file.toString()));
        CreatedApiKey key = ApiKeyServiceFactory.fromConfig(config).create("ci", Set.of("deploy"), null);

        assertTrue(key.key().startsWith("sk_live_"));
        assertTrue(Files.exists(file));
        ApiKeyService again = ApiKeyServiceFactory.fromConfig(config);
        assertEquals(key.keyId(), again.find(key.keyId()).orElseThrow().keyId());
    }

    @Test
    void whenTheJdbcStoreIsConfiguredThenItsSettingsAreUsedNotRefused() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ApiKeyServiceFactory.fromConfig(
                config(Map.of("latchkey.api-key.store", "jdbc"))));
        assertTrue(e.getMessage().contains("latchkey.api-key.jdbc.datasource"), e.getMessage());
    }

    @Test
    void whenTheMemoryStoreIsConfiguredThenRefusedNamingTheProperty() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> ApiKeyServiceFactory.fromConfig(
                config(Map.of("latchkey.api-key.store", "memory"))));
        assertTrue(e.getMessage().contains("latchkey.api-key.store"), e.getMessage());
    }
}

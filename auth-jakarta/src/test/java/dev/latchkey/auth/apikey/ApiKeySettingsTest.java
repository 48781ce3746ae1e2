package dev.latchkey.auth.apikey;

import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeySettingsTest {

    private static ConfigReader config(Map<String, String> properties) {
        return new ConfigReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build());
    }

    @Test
    void whenNothingIsConfiguredThenDefaultsApply() {
        ApiKeySettings s = ApiKeySettings.from(config(Map.of()));
        assertEquals("test", s.environment());
        assertEquals(Map.of("sk_live_", "live", "sk_test_", "test"), s.prefixes());
        assertEquals("X-API-Key", s.header());
        assertFalse(s.basicEnabled());
        assertEquals(List.of("api_key", "apikey", "api-key"), s.queryParameterNames(), "no generic names like key");
        assertEquals("file", s.store());
        assertEquals(Path.of(".latchkey/api-keys.json"), s.file());
        assertEquals(Duration.ofSeconds(30), s.cacheTtl());
        assertEquals(Duration.ofSeconds(5), s.negativeCacheTtl());
        assertEquals(Optional.of(new RateLimit(100, Duration.ofMinutes(1))), s.rateLimit());
    }

    @Test
    void whenConfiguredThenValuesAreRead() {
        ApiKeySettings s = ApiKeySettings.from(config(Map.of(
                "latchkey.api-key.environment", "live",
                "latchkey.api-key.basic-enabled", "true",
                "latchkey.api-key.header", "X-Acme-Key",
                "latchkey.api-key.rate-limit", "off",
                "latchkey.api-key.pepper", "0123456789abcdef0123456789abcdef",
                "latchkey.api-key.cache.ttl", "PT10S")));
        assertEquals("live", s.environment());
        assertTrue(s.basicEnabled());
        assertEquals("X-Acme-Key", s.header());
        assertTrue(s.rateLimit().isEmpty());
        assertEquals(Duration.ofSeconds(10), s.cacheTtl());
        assertFalse(s.toString().contains("0123456789abcdef"), "pepper never printed");
    }

    @Test
    void whenBadValuesThenConfigurationExceptionNamesTheProperty() {
        assertTrue(assertThrows(ConfigurationException.class, () -> ApiKeySettings.from(config(Map.of(
                "latchkey.api-key.environment", "prod")))).getMessage().contains("latchkey.api-key.environment"));
        assertTrue(assertThrows(ConfigurationException.class, () -> ApiKeySettings.from(config(Map.of(
                "latchkey.api-key.rate-limit", "lots")))).getMessage().contains("latchkey.api-key.rate-limit"));
        assertTrue(assertThrows(ConfigurationException.class, () -> ApiKeySettings.from(config(Map.of(
                "latchkey.api-key.pepper", "short")))).getMessage().contains("latchkey.api-key.pepper"));
        assertTrue(assertThrows(ConfigurationException.class, () -> ApiKeySettings.from(config(Map.of(
                "latchkey.api-key.store", "redis")))).getMessage().contains("latchkey.api-key.store"));
        assertTrue(assertThrows(ConfigurationException.class, () -> ApiKeySettings.from(config(Map.of(
                "latchkey.api-key.prefixes", "bad prefix=live")))).getMessage().contains("latchkey.api-key.prefixes"));
    }
}

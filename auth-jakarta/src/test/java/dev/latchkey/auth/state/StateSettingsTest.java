package dev.latchkey.auth.state;

import dev.latchkey.auth.state.select.StateStores;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StateSettingsTest {

    private static StateSettings from(Map<String, String> properties) {
        return StateSettings.from(new ConfigReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build()));
    }

    private static String failingProperty(Map<String, String> properties) {
        return assertThrows(ConfigurationException.class, () -> from(properties)).getMessage();
    }

    @Test
    void whenNothingIsSetThenStateIsInMemory() {
        StateSettings settings = from(Map.of());
        assertEquals("memory", settings.store());
        assertFalse(settings.shared());
    }

    @Test
    void whenBadValuesThenDeploymentFailsNamingTheProperty() {
        assertTrue(failingProperty(Map.of("latchkey.state.store", "etcd")).contains("latchkey.state.store"));
        assertTrue(failingProperty(Map.of("latchkey.state.store", "jdbc")).contains("latchkey.state.jdbc.url"));
        assertTrue(failingProperty(Map.of("latchkey.state.store", "jdbc", "latchkey.state.jdbc.url", "x",
                "latchkey.state.jdbc.datasource", "java:comp/env/jdbc/x")).contains("latchkey.state.jdbc.url"));
        assertTrue(failingProperty(Map.of("latchkey.state.store", "redis")).contains("latchkey.state.redis.url"));
        assertTrue(failingProperty(Map.of("latchkey.state.store", "redis", "latchkey.state.redis.url",
                "http://cache:6379")).contains("latchkey.state.redis.url"));
        assertTrue(failingProperty(Map.of("latchkey.state.timeout", "PT0S")).contains("latchkey.state.timeout"));
        assertTrue(failingProperty(Map.of("latchkey.state.jdbc.pool.max-size", "0"))
                .contains("latchkey.state.jdbc.pool.max-size"));
    }

    @Test
    void whenPrintedThenNoPasswordShows() {
        StateSettings redis = from(Map.of("latchkey.state.store", "redis",
                "latchkey.state.redis.url", "redis://:s3cret@cache:6379/0"));
        assertFalse(redis.toString().contains("s3cret"), redis.toString());
        StateSettings jdbc = from(Map.of("latchkey.state.store", "jdbc",
                "latchkey.state.jdbc.url", "jdbc:postgresql://db/app?password=s3cret",
                "latchkey.state.jdbc.password", "s3cret"));
        assertFalse(jdbc.toString().contains("s3cret"), jdbc.toString());
    }

    @Test
    void whenTheStoreCannotBeReachedAtStartThenDeploymentFailsNamingTheProperty() {
        StateSettings redis = from(Map.of("latchkey.state.store", "redis", "latchkey.state.redis.url",
                "redis://127.0.0.1:1", "latchkey.state.timeout", "PT0.5S"));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> StateStores.open(redis, java.time.Clock.systemUTC()));
        assertTrue(e.getMessage().contains("latchkey.state.redis.url"), e.getMessage());
    }
}

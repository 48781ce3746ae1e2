package dev.latchkey.auth.limit;

import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailedAttemptSettingsTest {

    private static ConfigReader config(Map<String, String> properties) {
        return new ConfigReader(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties,
                "test", 500)).build());
    }

    @Test
    void whenNothingIsSetThenFiftyFailuresPerMinute() {
        assertEquals(new RateLimit(50, Duration.ofMinutes(1)), FailedAttemptSettings.from(config(Map.of())).limit());
    }

    @Test
    void whenAValueIsOutOfRangeThenConfigurationErrorNamingTheProperty() {
        Map<String, String> bad = Map.of(FailedAttemptSettings.LIMIT, "0", FailedAttemptSettings.WINDOW, "PT0S",
                FailedAttemptSettings.MAX_TRACKED, "-1");
        bad.forEach((property, value) -> {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> FailedAttemptSettings.from(config(Map.of(property, value))));
            assertTrue(e.getMessage().contains(property), e.getMessage());
        });
    }
}

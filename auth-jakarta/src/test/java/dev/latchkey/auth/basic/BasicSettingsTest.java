package dev.latchkey.auth.basic;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasicSettingsTest {

    private static BasicSettings withIterations(int iterations) {
        return new BasicSettings(true, Path.of("users"), List.of(), 5, new RateLimit(10, Duration.ofMinutes(1)),
                Duration.ofMinutes(15), Duration.ofDays(1),
                Duration.ofMinutes(15), 1000, iterations);
    }

    @Test
    void whenIterationsOutOfRangeThenConfigurationErrorNamingTheProperty() {
        for (int bad : new int[]{PasswordHasher.MIN_ITERATIONS - 1, PasswordHasher.MAX_ITERATIONS + 1}) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> withIterations(bad));
            assertTrue(e.getMessage().contains(BasicSettings.ITERATIONS), e.getMessage());
        }
        assertEquals(PasswordHasher.MAX_ITERATIONS, withIterations(PasswordHasher.MAX_ITERATIONS).hashIterations());
    }

    private static ConfigReader config(Map<String, String> properties) {
        return new ConfigReader(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties,
                "test", 500)).build());
    }

    @Test
    void whenUserChecksAreMalformedThenConfigurationErrorNamingTheProperty() {
        for (String bad : new String[]{"ten", "0/PT1M", "10/forever", "10/PT0S"}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> BasicSettings.from(config(Map.of(BasicSettings.USER_CHECKS, bad))));
            assertTrue(e.getMessage().contains(BasicSettings.USER_CHECKS), e.getMessage());
        }
        assertEquals(new RateLimit(3, Duration.ofMinutes(5)),
                BasicSettings.from(config(Map.of(BasicSettings.USER_CHECKS, "3/PT5M"))).userChecks());
    }

    @Test
    void whenThePerAddressLockIsStillConfiguredThenDeploymentFailsNamingItsReplacement() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> BasicSettings.from(
                config(Map.of("latchkey.basic.lockout.max-failures-per-address", "20"))));
        assertTrue(e.getMessage().contains("latchkey.basic.lockout.max-failures-per-address"), e.getMessage());
        assertTrue(e.getMessage().contains("latchkey.failed-attempts.limit"), e.getMessage());
    }
}

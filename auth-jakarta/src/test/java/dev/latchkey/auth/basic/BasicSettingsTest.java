package dev.latchkey.auth.basic;

import dev.latchkey.auth.config.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasicSettingsTest {

    private static BasicSettings withIterations(int iterations) {
        return new BasicSettings(true, Path.of("users"), List.of(), 5, 20, Duration.ofMinutes(15),
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
}

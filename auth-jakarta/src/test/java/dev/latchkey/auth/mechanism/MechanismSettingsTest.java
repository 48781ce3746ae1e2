package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.config.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MechanismSettingsTest {

    @Test
    void whenNoMechanismThenConfigurationErrorNamesProperty() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new MechanismSettings(List.of(), "api"));
        assertTrue(e.getMessage().contains("latchkey.mechanisms"));
    }

    @Test
    void whenMechanismTwiceThenRejected() {
        assertThrows(ConfigurationException.class, () -> new MechanismSettings(List.of("jwt", "jwt"), "api"));
    }

    @Test
    void whenBlankRealmThenRejected() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new MechanismSettings(List.of("jwt"), " "));
        assertTrue(e.getMessage().contains("latchkey.realm"));
    }
}

package dev.latchkey.auth.dpop;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DPoPSettingsTest {

    private static DPoPSettings settings(Map<String, String> properties) {
        return DPoPSettings.from(new ConfigReader(TestConfig.of(properties)));
    }

    private static void assertRefused(String property, String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> settings(Map.of(property, value)));
        assertTrue(e.getMessage().contains("'" + property + "'"), e.getMessage());
    }

    @Test
    void whenNothingConfiguredThenDefaults() {
        DPoPSettings settings = settings(Map.of());
        assertEquals("ES256 EdDSA PS256 RS256", settings.algs());
        assertEquals(Duration.ofSeconds(60), settings.proofMaxAge());
        assertFalse(settings.nonceRequired());
        assertFalse(settings.bearerRefused());
        assertTrue(settings.nonceSecret().isEmpty());
    }

    @Test
    void whenSymmetricOrUnknownAlgorithmThenDeploymentFailsNamingTheProperty() {
        assertRefused(DPoPSettings.ALGORITHMS, "HS256");
        assertRefused(DPoPSettings.ALGORITHMS, "none");
        assertRefused(DPoPSettings.ALGORITHMS, "ES256K");
    }

    @Test
    void whenOutOfRangeThenDeploymentFailsNamingTheProperty() {
        assertRefused(DPoPSettings.PROOF_MAX_AGE, "PT0S");
        assertRefused(DPoPSettings.PROOF_MAX_AGE, "PT1H");
        assertRefused(DPoPSettings.CLOCK_SKEW, "PT10M");
        assertRefused(DPoPSettings.MAX_PROOF_BYTES, "100");
        assertRefused(DPoPSettings.NONCE_LIFETIME, "PT1S");
        assertRefused(DPoPSettings.NONCE_SECRET, "c2hvcnQ=");
        assertRefused(DPoPSettings.NONCE_SECRET, "not base64!");
        assertRefused(DPoPSettings.REQUIRED, "maybe");
    }

    @Test
    void whenPrintedThenNoSecret() {
        String secret = java.util.Base64.getEncoder().encodeToString(new byte[48]);
        DPoPSettings settings = settings(Map.of(DPoPSettings.NONCE_SECRET, secret));
        assertFalse(settings.toString().contains(secret));
        assertEquals(48, settings.nonceSecret().orElseThrow().length);
    }
}

package dev.latchkey.auth.cert;

import dev.latchkey.auth.cert.ClientCertificateSettings.CrlStale;
import dev.latchkey.auth.cert.ClientCertificateSettings.ForwardedElement;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientCertificateSettingsTest {

    @TempDir
    Path dir;

    private static ConfigReader config(Map<String, String> properties) {
        return new ConfigReader(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties,
                "test", 500)).build());
    }

    @Test
    void whenNothingSetThenSingleElementStaleCrlsFailAndNoAnchors() {
        ClientCertificateSettings s = ClientCertificateSettings.from(config(Map.of()));
        assertEquals(ForwardedElement.SINGLE, s.forwardedElement());
        assertEquals(CrlStale.FAIL, s.crlStale());
        assertTrue(s.trustAnchors().isEmpty());
    }

    @Test
    void whenChoicesAreUnknownThenDeploymentFailsNamingTheProperty() {
        for (String property : new String[]{ClientCertificateSettings.FORWARDED_ELEMENT,
                ClientCertificateSettings.CRL_STALE, ClientCertificateSettings.FORWARDED_FORMAT}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> ClientCertificateSettings.from(config(Map.of(property, "first"))));
            assertTrue(e.getMessage().contains(property) && e.getMessage().contains("'first'"), e.getMessage());
        }
    }

    @Test
    void whenTrustAnchorsFileIsMissingOrHoldsNoCertificateThenDeploymentFailsNamingTheProperty() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        for (Path file : new Path[]{dir.resolve("missing.pem"), empty}) {
            ClientCertificateSettings s = ClientCertificateSettings.from(config(Map.of(
                    ClientCertificateSettings.TRUST_ANCHORS, file.toString())));
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> new ClientCertificateResolver(s, Clock.systemUTC()));
            assertTrue(e.getMessage().contains(ClientCertificateSettings.TRUST_ANCHORS), e.getMessage());
        }
    }
}

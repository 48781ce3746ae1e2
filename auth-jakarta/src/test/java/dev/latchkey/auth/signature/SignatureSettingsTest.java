package dev.latchkey.auth.signature;

import dev.latchkey.auth.signature.keys.SignatureAlgorithm;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.signature.digest.DigestAlgorithm;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignatureSettingsTest {

    private static SignatureSettings settings(Map<String, String> properties) {
        return SignatureSettings.from(new ConfigReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build()));
    }

    @Test
    void whenNothingConfiguredThenDefaultsOfTheIssue() {
        SignatureSettings s = settings(Map.of());
        assertEquals(List.of("@method", "@target-uri"), s.requiredComponents());
        assertTrue(s.requireContentDigest());
        assertTrue(s.requireCreated());
        assertFalse(s.requireNonce());
        assertEquals(Duration.ofMinutes(5), s.maxAge());
        assertEquals(EnumSet.allOf(SignatureAlgorithm.class), s.algorithms());
        assertEquals(EnumSet.allOf(DigestAlgorithm.class), s.digest().algorithms());
        assertEquals(1 << 20, s.digest().maxBuffer());
        assertFalse(s.digest().streaming());
        assertEquals("file", s.registry().store());
        assertEquals(Path.of(".latchkey/signature-keys.json"), s.registry().file());
        assertTrue(s.registry().sealer().isEmpty());
        assertEquals("sig1=(\"@method\" \"@target-uri\" \"content-digest\");created", AcceptSignature.render(s, true));
        assertEquals("sig1=(\"@method\" \"@target-uri\");created", AcceptSignature.render(s, false));
    }

    @Test
    void whenConfiguredThenRead() {
        SignatureSettings s = settings(Map.of("latchkey.signature.required-components", "@method, @path, date",
                "latchkey.signature.algorithms", "ed25519", "latchkey.signature.tag", "orders-api",
                "latchkey.signature.label", "sig-a", "latchkey.signature.structured-fields", "example-dict=dictionary",
                "latchkey.signature.digest.max-buffer", "65536", "latchkey.signature.digest.streaming", "true",
                "latchkey.signature.kek", SignatureFixture.KEK, "latchkey.signature.store", "memory"));
        assertEquals(List.of("@method", "@path", "date"), s.requiredComponents());
        assertEquals(EnumSet.of(SignatureAlgorithm.ED25519), s.algorithms());
        assertEquals(StructuredFieldTypes.Type.DICTIONARY, s.structuredFields().typeOf("example-dict").orElseThrow());
        assertTrue(s.registry().sealer().isPresent());
        assertFalse(s.registry().toString().contains(SignatureFixture.KEK));
        assertEquals("sig-a=(\"@method\" \"@path\" \"date\" \"content-digest\");created;tag=\"orders-api\"",
                AcceptSignature.render(s, true));
    }

    @Test
    void whenMisconfiguredThenDeploymentFailsNamingTheProperty() {
        Map<String, String> bad = Map.of(
                "latchkey.signature.required-components", "@Method",
                "latchkey.signature.algorithms", "rsa-v1_5-sha256",
                "latchkey.signature.max-age", "PT0S",
                "latchkey.signature.clock-skew", "PT1H",
                "latchkey.signature.kek", "c2hvcnQ=",
                "latchkey.signature.kek.previous", SignatureFixture.KEK,
                "latchkey.signature.store", "redis",
                "latchkey.signature.label", "Sig",
                "latchkey.signature.digest.algorithms", "md5",
                "latchkey.signature.structured-fields", "x-foo=tuple");
        bad.forEach((property, value) -> {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> settings(Map.of(property, value)), property);
            assertTrue(e.getMessage().contains(property), e.getMessage());
        });
    }
}

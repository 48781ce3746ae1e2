package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.jwt.JwtDefaults;
import dev.latchkey.auth.jwt.mp.LoginConfigDeclaration;
import dev.latchkey.auth.spi.DefaultMechanisms;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MechanismSettingsTest {

    private static final Optional<LoginConfigDeclaration> MP_JWT =
            Optional.of(new LoginConfigDeclaration("MP-JWT", "TCK-MP-JWT"));

    private static List<DefaultMechanisms> jwt(Optional<LoginConfigDeclaration> loginConfig) {
        return List.of(new JwtDefaults(loginConfig));
    }

    private static ConfigReader config(Map<String, String> properties) {
        return new ConfigReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build());
    }

    @Test
    void whenNoMechanismThenChainIsEmpty() {
        assertEquals(List.of(), new MechanismSettings(List.of(), "api").mechanisms());
    }

    @Test
    void whenMechanismTwiceThenRejected() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new MechanismSettings(List.of("jwt", "jwt"), "api"));
        assertTrue(e.getMessage().contains("latchkey.mechanisms"));
    }

    @Test
    void whenBlankRealmThenRejected() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new MechanismSettings(List.of("jwt"), " "));
        assertTrue(e.getMessage().contains("latchkey.realm"));
    }

    @Test
    void whenLoginConfigMpJwtAndNoMechanismsPropertyThenJwt() {
        MechanismSettings s = MechanismSettings.from(config(Map.of()), jwt(MP_JWT));
        assertEquals(List.of("jwt"), s.mechanisms());
        assertEquals("TCK-MP-JWT", s.realm(), "the realmName of @LoginConfig");
    }

    @Test
    void whenMechanismsPropertyThenItWinsOverLoginConfig() {
        MechanismSettings s = MechanismSettings.from(
                config(Map.of("latchkey.mechanisms", "api-key,basic", "latchkey.realm", "orders")), jwt(MP_JWT));
        assertEquals(List.of("api-key", "basic"), s.mechanisms());
        assertEquals("orders", s.realm());
    }

    @Test
    void whenNeitherLoginConfigNorJwtIssuerThenNoMechanism() {
        MechanismSettings s = MechanismSettings.from(config(Map.of()), jwt(Optional.empty()));
        assertEquals(List.of(), s.mechanisms());
        assertEquals("api", s.realm());
    }

    @Test
    void whenNoLoginConfigButJwtIssuerConfiguredThenJwt() {
        for (String property : List.of("mp.jwt.verify.issuer", "mp.jwt.verify.publickey",
                "mp.jwt.verify.publickey.location", "latchkey.jwt.issuers.corp.issuer")) {
            assertEquals(List.of("jwt"), MechanismSettings.from(config(Map.of(property, "x")), jwt(Optional.empty()))
                    .mechanisms(), property);
        }
    }

    @Test
    void whenLoginConfigIsNotMpJwtThenItEnablesNothing() {
        MechanismSettings s = MechanismSettings.from(config(Map.of()),
                jwt(Optional.of(new LoginConfigDeclaration("BASIC", ""))));
        assertEquals(List.of(), s.mechanisms());
        assertEquals("api", s.realm(), "an empty realmName keeps the default");
    }

    @Test
    void whenAuthMethodDiffersInCaseThenStillMpJwt() {
        assertTrue(new LoginConfigDeclaration(" mp-jwt ", null).isMpJwt());
    }
}

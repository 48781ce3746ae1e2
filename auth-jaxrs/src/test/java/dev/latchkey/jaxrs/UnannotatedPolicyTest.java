package dev.latchkey.jaxrs;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnannotatedPolicyTest {

    private static ConfigReader config(String value) {
        Config config = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[]{Config.class},
                (proxy, method, args) -> method.getName().equals("getOptionalValue") ? Optional.ofNullable(value)
                        : null);
        return new ConfigReader(config);
    }

    @Test
    void whenUnsetThenAuthenticated() {
        assertEquals(UnannotatedPolicy.AUTHENTICATED, UnannotatedPolicy.fromConfig(config(null)));
    }

    @Test
    void whenSetThenEachValueIsRead() {
        assertEquals(UnannotatedPolicy.DENY, UnannotatedPolicy.fromConfig(config("deny")));
        assertEquals(UnannotatedPolicy.PERMIT, UnannotatedPolicy.fromConfig(config(" PERMIT ")));
    }

    @Test
    void whenBadValueThenDeploymentFailsNamingTheProperty() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> UnannotatedPolicy.fromConfig(config("open")));
        assertTrue(e.getMessage().contains(UnannotatedPolicy.PROPERTY), e.getMessage());
    }
}

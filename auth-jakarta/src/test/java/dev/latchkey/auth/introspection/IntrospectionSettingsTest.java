package dev.latchkey.auth.introspection;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntrospectionSettingsTest {

    private static Map<String, String> valid() {
        Map<String, String> p = new HashMap<>();
        p.put(IntrospectionSettings.ENDPOINT,
                "https://kc.example.com/realms/demo/protocol/openid-connect/token/introspect");
        p.put(IntrospectionSettings.CLIENT_ID, "orders-api");
        p.put(IntrospectionSettings.CLIENT_SECRET, "s3cret");
        return p;
    }

    private static IntrospectionSettings settings(Map<String, String> p) {
        return IntrospectionSettings.from(new ConfigReader(TestConfig.of(p)));
    }

    private static void assertRefused(String property, Map<String, String> p) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> settings(p));
        assertTrue(e.getMessage().contains("'" + property + "'"), e.getMessage());
    }

    @Test
    void whenValidThenDefaultsAndNoSecretPrinted() {
        IntrospectionSettings s = settings(valid());
        assertEquals(IntrospectionSettings.ClientAuth.CLIENT_SECRET_BASIC, s.clientAuth());
        assertEquals(s.endpoint(), s.assertionAudience());
        assertFalse(s.allTokens());
        assertEquals(64, s.maxConcurrent());
        assertFalse(s.toString().contains("s3cret"));
    }

    @Test
    void whenEndpointMissingOrClearTextToAnotherHostThenDeploymentFails() {
        Map<String, String> p = valid();
        p.remove(IntrospectionSettings.ENDPOINT);
        assertRefused(IntrospectionSettings.ENDPOINT, p);
        p.put(IntrospectionSettings.ENDPOINT, "http://kc.example.com/introspect");
        assertRefused(IntrospectionSettings.ENDPOINT, p);
        p.put(IntrospectionSettings.ENDPOINT, "http://127.0.0.1:8180/introspect");
        settings(p);
        p.put(IntrospectionSettings.ENDPOINT, "not a url");
        assertRefused(IntrospectionSettings.ENDPOINT, p);
    }

    /** Credentials in a URL would reach logs (settings toString, client errors): refused, never echoed. */
    @Test
    void whenEndpointHasUserInfoThenDeploymentFailsWithoutEchoingIt() {
        Map<String, String> p = valid();
        p.put(IntrospectionSettings.ENDPOINT, "https://orders-api:hunter2@kc.example.com/introspect");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> settings(p));
        assertTrue(e.getMessage().contains("'" + IntrospectionSettings.ENDPOINT + "'"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void whenCredentialsIncompleteThenDeploymentFailsNamingTheProperty() {
        Map<String, String> p = valid();
        p.remove(IntrospectionSettings.CLIENT_SECRET);
        assertRefused(IntrospectionSettings.CLIENT_SECRET, p);
        p.put(IntrospectionSettings.CLIENT_AUTH, "private_key_jwt");
        assertRefused(IntrospectionSettings.PRIVATE_KEY, p);
        p.put(IntrospectionSettings.CLIENT_AUTH, "client_secret_post");
        assertRefused(IntrospectionSettings.CLIENT_AUTH, p);
        Map<String, String> q = valid();
        q.put(IntrospectionSettings.CLIENT_AUTH, "private_key_jwt");
        q.put(IntrospectionSettings.PRIVATE_KEY, "/nonexistent/key.pem");
        IntrospectionSettings s = settings(q);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new IntrospectionClient(s));
        assertTrue(e.getMessage().contains("'" + IntrospectionSettings.PRIVATE_KEY + "'"), e.getMessage());
    }

    @Test
    void whenNegativeTtlLongerThanTtlOrTokensUnknownThenDeploymentFails() {
        Map<String, String> p = valid();
        p.put(IntrospectionSettings.CACHE_TTL, "PT10S");
        p.put(IntrospectionSettings.NEGATIVE_TTL, "PT20S");
        assertRefused(IntrospectionSettings.NEGATIVE_TTL, p);
        Map<String, String> q = valid();
        q.put(IntrospectionSettings.TOKENS, "some");
        assertRefused(IntrospectionSettings.TOKENS, q);
    }

    @Test
    void whenMaxConcurrentOutOfRangeThenDeploymentFailsNamingIt() {
        for (String bad : new String[] {"0", "-1", "10001", "many"}) {
            Map<String, String> p = valid();
            p.put(IntrospectionSettings.MAX_CONCURRENT, bad);
            assertRefused(IntrospectionSettings.MAX_CONCURRENT, p);
        }
        Map<String, String> p = valid();
        p.put(IntrospectionSettings.MAX_CONCURRENT, "1");
        assertEquals(1, settings(p).maxConcurrent());
    }
}

package dev.latchkey.auth.metadata;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtectedResourceMetadataTest {

    private static Optional<ResourceMetadataSettings> settings(Map<String, String> p) {
        return ResourceMetadataSettings.from(new ConfigReader(TestConfig.of(p)));
    }

    @Test
    void whenNoResourceConfiguredThenNoDocument() {
        assertTrue(settings(Map.of("mp.jwt.verify.issuer", "https://as.example")).isEmpty());
    }

    @Test
    void whenWellKnownDerivedThenInsertedBetweenHostAndPath() {
        assertEquals(URI.create("https://api.example.com/.well-known/oauth-protected-resource/v1/orders"),
                ResourceMetadataSettings.wellKnown(URI.create("https://api.example.com/v1/orders")));
        assertEquals(URI.create("https://api.example.com:8443/.well-known/oauth-protected-resource"),
                ResourceMetadataSettings.wellKnown(URI.create("https://api.example.com:8443/")));
    }

    @Test
    void whenDPoPAndEverythingConfiguredThenEveryMemberInTheDocument() {
        Map<String, String> p = new HashMap<>();
        p.put("latchkey.mechanisms", "dpop,jwt");
        p.put("latchkey.dpop.algorithms", "ES256,EdDSA");
        p.put("latchkey.dpop.required", "true");
        p.put(ResourceMetadataSettings.RESOURCE, "https://api.example.com");
        p.put(ResourceMetadataSettings.AUTHORIZATION_SERVERS, "https://as1.example,https://as2.example");
        p.put(ResourceMetadataSettings.JWKS_URI, "https://api.example.com/jwks.json");
        p.put(ResourceMetadataSettings.DOCUMENTATION, "https://docs.example.com/api");
        ResourceMetadataSettings settings = settings(p).orElseThrow();
        assertEquals(URI.create("https://api.example.com/.well-known/oauth-protected-resource"), settings.metadataUrl());
        assertEquals("{\"resource\":\"https://api.example.com\",\"authorization_servers\":[\"https://as1.example\","
                + "\"https://as2.example\"],\"jwks_uri\":\"https://api.example.com/jwks.json\",\"scopes_supported\":"
                + "[\"a:read\",\"b:write\"],\"bearer_methods_supported\":[\"header\"],\"resource_documentation\":"
                + "\"https://docs.example.com/api\",\"dpop_signing_alg_values_supported\":[\"ES256\",\"EdDSA\"],"
                + "\"dpop_bound_access_tokens_required\":true}",
                ProtectedResourceMetadata.render(settings, Set.of("b:write", "a:read")));
    }

    @Test
    void whenBadValuesThenDeploymentFailsNamingTheProperty() {
        for (Map<String, String> p : java.util.List.of(
                Map.of(ResourceMetadataSettings.RESOURCE, "https://api.example.com/?x=1"),
                Map.of(ResourceMetadataSettings.RESOURCE, "urn:api"),
                Map.of(ResourceMetadataSettings.RESOURCE, "http://api.example.com/api"),
                Map.of(ResourceMetadataSettings.RESOURCE, "https://a.example",
                        ResourceMetadataSettings.BEARER_METHODS, "cookie"),
                Map.of(ResourceMetadataSettings.RESOURCE, "https://a.example",
                        ResourceMetadataSettings.AUTHORIZATION_SERVERS, "not a url"))) {
            assertThrows(ConfigurationException.class, () -> settings(p), p.toString());
        }
        assertTrue(settings(Map.of(ResourceMetadataSettings.RESOURCE, "http://localhost:8080/api")).isPresent());
    }
}

package dev.latchkey.auth.cert;

import dev.latchkey.auth.config.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateMappingsTest {

    private static final String JSON = """
            {
              "spiffe://prod.example/ns/payments/sa/admin": {"groups": ["payments", "admin"], "scopes": "payments:admin"},
              "spiffe://prod.example/ns/payments/*": {"groups": ["payments"], "scopes": ["payments:read", "payments:write"]},
              "spiffe://prod.example/*": {"scopes": "read"}
            }""";

    private final CertificateMappings mappings = CertificateMappings.parse(new StringReader(JSON), "p");

    @Test
    void whenExactIdThenExactRuleWins() {
        var g = mappings.grantFor("spiffe://prod.example/ns/payments/sa/admin");
        assertEquals(Set.of("payments", "admin"), g.groups());
        assertEquals(Set.of("payments:admin"), g.scopes());
    }

    @Test
    void whenPatternsMatchThenLongestWins() {
        var g = mappings.grantFor("spiffe://prod.example/ns/payments/sa/api");
        assertEquals(Set.of("payments"), g.groups());
        assertEquals(Set.of("payments:read", "payments:write"), g.scopes());
        assertEquals(Set.of("read"), mappings.grantFor("spiffe://prod.example/ns/billing/sa/x").scopes());
    }

    @Test
    void whenNoRuleMatchesThenNothingGranted() {
        assertEquals(CertificateMappings.Grant.NONE, mappings.grantFor("spiffe://other.example/x"));
        assertEquals(CertificateMappings.Grant.NONE, mappings.grantFor("spiffe://prod.example"));
    }

    @Test
    void whenStarNotAtEndOrBadJsonThenConfigurationError() {
        var e = assertThrows(ConfigurationException.class,
                () -> CertificateMappings.parse(new StringReader("{\"spiffe://x/*/y\": {}}"), "prop.name"));
        assertTrue(e.getMessage().contains("prop.name"));
        assertThrows(ConfigurationException.class, () -> CertificateMappings.parse(new StringReader("[1]"), "p"));
        assertThrows(ConfigurationException.class,
                () -> CertificateMappings.parse(new StringReader("{\"a\": {\"groups\": [1]}}"), "p"));
    }
}

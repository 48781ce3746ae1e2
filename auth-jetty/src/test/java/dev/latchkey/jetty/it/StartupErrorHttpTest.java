package dev.latchkey.jetty.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.jwt.TestIssuer;
import dev.latchkey.test.log.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.latchkey.test.http.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, "errors a user can act on" and "fail closed on configuration", on a real {@link LatchkeyJetty}: a start-up
 * failure is Latchkey's {@link ConfigurationException} naming the property, never the container's wrapper
 * ({@code WELD-000049 ... init()}); a key set that also holds keys for algorithms outside the allow-list starts, with
 * one warning naming each skipped key; protected-path patterns other than {@code /exact} and {@code /prefix/*} fail.
 */
class StartupErrorHttpTest {

    @TempDir
    Path dir;

    private Path jwks(String document) throws Exception {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, document);
        return file;
    }

    private static ECKey es256(String kid) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(JWSAlgorithm.ES256).keyUse(KeyUse.SIGNATURE)
                .generate().toPublicJWK();
    }

    private static Map<String, String> rs256Only(Path jwks) {
        return Map.of("latchkey.mechanisms", "jwt",
                "mp.jwt.verify.issuer", TestServer.ISSUER,
                "mp.jwt.verify.publickey.location", jwks.toString(),
                "mp.jwt.verify.publickey.algorithm", "RS256");
    }

    @Test
    void whenTheKeySetAlsoHoldsAnEs256KeyOutsideTheAllowListThenItIsSkippedWithOneWarningAndTokensWork()
            throws Exception {
        TestIssuer tokens = TestServer.issuer();
        Path file = jwks(tokens.publicJwksWith(es256("idp-ec-1"), es256("idp-ec-2")));
        List<String> warnings;
        try (LogCapture log = LogCapture.latchkey(); TestServer server = TestServer.start(rs256Only(file), null)) {
            HttpResponse<String> me = get(server.http("/me"), "Authorization",
                    "Bearer " + tokens.token().subject("alice").scope("orders:read").sign());
            assertEquals(200, me.statusCode(), me.body());
            warnings = log.messages().stream().filter(m -> m.contains("idp-ec-")).toList();
        }
        assertEquals(1, warnings.size(), "one warning for the set: " + warnings);
        String warning = warnings.get(0);
        assertTrue(warning.contains("kid 'idp-ec-1' alg ES256") && warning.contains("kid 'idp-ec-2' alg ES256"),
                warning);
        assertTrue(warning.startsWith("mp.jwt.verify.publickey.location"), warning);
    }

    @Test
    void whenNoKeyOfTheSetIsForAnAllowedAlgorithmThenStartFailsWithTheMessageNamingTheProperty() throws Exception {
        Path file = jwks("{\"keys\":[" + es256("idp-ec-1").toJSONString() + "]}");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> TestServer.start(rs256Only(file), null).close());
        assertTrue(e.getMessage().startsWith("Latchkey configuration property 'mp.jwt.verify.publickey.location'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("kid 'idp-ec-1' alg ES256"), e.getMessage());
        assertTrue(e.getMessage().contains("mp.jwt.verify.publickey.algorithm"), e.getMessage());
        assertFalse(e.getMessage().contains("WELD"), e.getMessage());
    }

    @Test
    void whenAMechanismNameIsUnknownThenStartFailsWithTheMessageNamingThePropertyNotTheContainerWrapper() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> TestServer.start(Map.of("latchkey.mechanisms", "api-key,nonsense"), null).close());
        assertTrue(e.getMessage().contains("'latchkey.mechanisms'"), e.getMessage());
    }

    @Test
    void whenAProtectedPathPatternIsNeitherExactNorPrefixThenStartFailsNamingTheProperty() {
        for (String pattern : List.of("/api/orders*", "*.jsp", "/")) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> TestServer.start(
                    Map.of("latchkey.mechanisms", "api-key", "latchkey.api-key.store", "memory"), null,
                    b -> b.initParameter("dev.latchkey.protected-paths", "/health, " + pattern)).close(), pattern);
            assertTrue(e.getMessage().contains("'dev.latchkey.protected-paths'"), e.getMessage());
            assertTrue(e.getMessage().contains("'" + pattern + "'"), e.getMessage());
        }
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> LatchkeyJetty.builder().protectedPaths("/admin*"));
        assertTrue(e.getMessage().contains("protectedPaths"), e.getMessage());
    }

    /** Review finding 3: DPoP without a configured origin would compare {@code htu} with the client's {@code Host}. */
    @Test
    void whenDPoPIsEnabledWithoutAnOriginThenStartFailsNamingBothProperties() {
        TestIssuer tokens = TestServer.issuer();
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TestServer.start(Map.of(
                "latchkey.mechanisms", "dpop,jwt",
                "mp.jwt.verify.publickey", tokens.publicJwks(),
                "mp.jwt.verify.issuer", TestServer.ISSUER), null).close());
        assertTrue(e.getMessage().contains("'latchkey.dpop.origins'"), e.getMessage());
        assertTrue(e.getMessage().contains("latchkey.resource-metadata.resource"), e.getMessage());
        assertFalse(e.getMessage().contains("WELD"), e.getMessage());
    }
}

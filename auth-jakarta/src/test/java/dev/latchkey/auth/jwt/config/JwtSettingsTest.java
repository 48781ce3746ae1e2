package dev.latchkey.auth.jwt.config;

import com.nimbusds.jose.JWSAlgorithm;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import dev.latchkey.test.jwt.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtSettingsTest {

    private final String key = TestKeys.rsa("rsa-1").toPublicJWK().toJSONString();

    private Map<String, String> base(String... more) {
        return TestConfig.single(key, more);
    }

    private static ConfigurationException refused(Map<String, String> p) {
        return assertThrows(ConfigurationException.class, () -> TestConfig.settings(p));
    }

    @Test
    void whenOnlyRequiredPropertiesThenDefaultsApply() {
        JwtSettings s = TestConfig.settings(base());
        IssuerSettings issuer = s.issuers().get(0);
        assertEquals("default", issuer.name());
        assertEquals(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), issuer.algorithms());
        assertEquals(Set.of("api"), issuer.audiences());
        assertEquals(Duration.ofSeconds(60), s.clockSkew());
        assertEquals(Optional.empty(), s.tokenAge());
        assertEquals("Authorization", s.tokenHeader());
        assertEquals("Bearer", s.tokenCookie());
        assertEquals(8192, s.maxTokenBytes());
        assertEquals(List.of("upn", "sub"), s.nameClaims());
        assertEquals("groups", s.groupsClaim());
        assertEquals(2048, s.minRsaBits());
        assertEquals(List.of("sk_live_", "sk_test_"), s.apiKeyPrefixes());
        assertEquals(Duration.ofMinutes(5), s.jwks().cacheTtl());
        assertEquals(Duration.ofSeconds(30), s.jwks().minRefetchInterval());
        assertEquals(Duration.ofHours(1), s.jwks().outageTolerance());
        assertEquals(Duration.ofSeconds(30), s.jwks().minCacheTtl());
        assertEquals(Duration.ofHours(1), s.jwks().maxCacheTtl());
        assertFalse(s.decryption().enabled());
        assertEquals(Set.of(com.nimbusds.jose.JWEAlgorithm.RSA_OAEP, com.nimbusds.jose.JWEAlgorithm.RSA_OAEP_256),
                s.decryption().algorithms());
        assertEquals(Set.of(com.nimbusds.jose.EncryptionMethod.A256GCM), s.decryption().encryptionMethods());
        assertFalse(issuer.toString().contains(key), "inline key never printed");
    }

    @Test
    void whenDecryptionAndCacheBoundsSetThenRead() {
        JwtSettings s = TestConfig.settings(base("mp.jwt.decrypt.key.location", "/privateKey.pem",
                "mp.jwt.decrypt.key.algorithm", "RSA-OAEP-256", "latchkey.jwt.decrypt.content-encryption",
                "A128GCM,A256GCM", "latchkey.jwt.jwks.min-cache-ttl", "PT1M", "latchkey.jwt.jwks.max-cache-ttl",
                "PT2H", "latchkey.jwt.min-rsa-bits", "1024"));
        assertEquals(Optional.of("/privateKey.pem"), s.decryption().keyLocation());
        assertEquals(Set.of(com.nimbusds.jose.JWEAlgorithm.RSA_OAEP_256), s.decryption().algorithms());
        assertEquals(Set.of(com.nimbusds.jose.EncryptionMethod.A128GCM, com.nimbusds.jose.EncryptionMethod.A256GCM),
                s.decryption().encryptionMethods());
        assertEquals(Duration.ofMinutes(1), s.jwks().minCacheTtl());
        assertEquals(Duration.ofHours(2), s.jwks().maxCacheTtl());
        assertEquals(1024, s.minRsaBits());
        assertEquals(Duration.ofHours(3), TestConfig.settings(base("latchkey.jwt.jwks.cache-ttl", "PT3H"))
                .jwks().maxCacheTtl(), "the maximum follows a longer cache-ttl");
    }

    @Test
    void whenEveryPropertySetThenRead() {
        JwtSettings s = TestConfig.settings(base("mp.jwt.verify.publickey.algorithm", "PS256, EdDSA",
                "mp.jwt.verify.token.age", "300", "mp.jwt.verify.clock.skew", "5", "mp.jwt.token.header", "Cookie",
                "mp.jwt.token.cookie", "session", "latchkey.jwt.required-claims", "sub,tenant",
                "latchkey.jwt.typ", "at+jwt", "latchkey.jwt.max-token-bytes", "4096",
                "latchkey.jwt.name-claims", "email", "latchkey.jwt.groups-claim", "realm_access.roles",
                "latchkey.jwt.min-rsa-bits", "3072", "latchkey.jwt.jwks.cache-ttl", "PT10M",
                "latchkey.api-key.prefixes", "ak_=live"));
        assertEquals(Set.of(JWSAlgorithm.PS256, JWSAlgorithm.EdDSA), s.issuers().get(0).algorithms());
        assertEquals(Optional.of(Duration.ofSeconds(300)), s.tokenAge());
        assertEquals(Duration.ofSeconds(5), s.clockSkew());
        assertTrue(s.fromCookie());
        assertEquals("session", s.tokenCookie());
        assertEquals(Set.of("sub", "tenant"), s.requiredClaims());
        assertEquals(Optional.of("at+jwt"), s.typ());
        assertEquals(4096, s.maxTokenBytes());
        assertEquals(List.of("email"), s.nameClaims());
        assertEquals("realm_access.roles", s.groupsClaim());
        assertEquals(3072, s.minRsaBits());
        assertEquals(Duration.ofMinutes(10), s.jwks().cacheTtl());
        assertEquals(List.of("ak_"), s.apiKeyPrefixes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "HS256", "HS512", "RS1", "rs256", "ES256K", "RS256,none"})
    void whenAlgorithmOutsideAllowListThenRefused(String algs) {
        ConfigurationException e = refused(base("mp.jwt.verify.publickey.algorithm", algs));
        assertTrue(e.getMessage().contains("mp.jwt.verify.publickey.algorithm"), e.getMessage());
    }

    @Test
    void whenSeveralIssuersThenEnumeratedFromPropertyNames() {
        Map<String, String> p = new HashMap<>(base());
        p.put("latchkey.jwt.issuers.google.issuer", "https://accounts.google.com");
        p.put("latchkey.jwt.issuers.google.publickey.location", "https://www.googleapis.com/oauth2/v3/certs");
        p.put("latchkey.jwt.issuers.google.audiences", "a,b");
        p.put("latchkey.jwt.issuers.internal-ca.issuer", "https://internal");
        p.put("latchkey.jwt.issuers.internal-ca.publickey", key);
        p.put("latchkey.jwt.issuers.internal-ca.algorithm", "RS512");
        JwtSettings s = TestConfig.settings(p);
        assertEquals(List.of("default", "google", "internal-ca"), s.issuers().stream().map(IssuerSettings::name).toList());
        IssuerSettings google = s.issuers().get(1);
        assertTrue(google.remote());
        assertEquals(Set.of("a", "b"), google.audiences());
        assertEquals(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), google.algorithms(), "inherits the default list");
        assertEquals(Set.of(JWSAlgorithm.RS512), s.issuers().get(2).algorithms());
    }

    @Test
    void whenOnlyNamedIssuersThenNoDefaultIssuer() {
        Map<String, String> p = new HashMap<>();
        p.put("latchkey.jwt.issuers.a.issuer", "https://a");
        p.put("latchkey.jwt.issuers.a.publickey", key);
        assertEquals(List.of("a"), TestConfig.settings(p).issuers().stream().map(IssuerSettings::name).toList());
    }

    @Test
    void whenNoIssuerConfiguredThenRefused() {
        assertTrue(refused(Map.of()).getMessage().contains("mp.jwt.verify.publickey"));
    }

    @Test
    void whenIssuerMissingThenRefusedNamingProperty() {
        Map<String, String> p = new HashMap<>(base());
        p.remove("mp.jwt.verify.issuer");
        assertTrue(refused(p).getMessage().contains("mp.jwt.verify.issuer"));
        Map<String, String> named = new HashMap<>();
        named.put("latchkey.jwt.issuers.x.publickey", key);
        assertTrue(refused(named).getMessage().contains("latchkey.jwt.issuers.x.issuer"));
    }

    @Test
    void whenBothKeyAndLocationOrNeitherThenRefused() {
        assertTrue(refused(base("mp.jwt.verify.publickey.location", "classpath:x.pem")).getMessage()
                .contains("mp.jwt.verify.publickey"));
        Map<String, String> neither = new HashMap<>(base());
        neither.remove("mp.jwt.verify.publickey");
        refused(neither);
    }

    @Test
    void whenSameIssuerTwiceThenRefused() {
        Map<String, String> p = new HashMap<>(base());
        p.put("latchkey.jwt.issuers.dup.issuer", p.get("mp.jwt.verify.issuer"));
        p.put("latchkey.jwt.issuers.dup.publickey", key);
        assertTrue(refused(p).getMessage().contains("configured twice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp.jwt.verify.clock.skew=-1", "mp.jwt.verify.clock.skew=601", "mp.jwt.verify.token.age=0",
            "mp.jwt.verify.token.age=abc", "latchkey.jwt.max-token-bytes=10", "latchkey.jwt.min-rsa-bits=1023",
            "latchkey.jwt.groups-claim=.roles", "latchkey.jwt.groups-claim=a..b", "mp.jwt.token.header=Bad Header",
            "latchkey.jwt.jwks.cache-ttl=PT0S", "latchkey.jwt.jwks.refresh-ahead=PT10M",
            "latchkey.jwt.jwks.outage-tolerance=-PT1S", "latchkey.jwt.cache.max-size=-1",
            "latchkey.jwt.jwks.connect-timeout=soon", "latchkey.jwt.jwks.min-refetch-interval=PT5M",
            "latchkey.jwt.jwks.connect-timeout=PT0.0001S", "latchkey.jwt.jwks.read-timeout=PT1000H",
            "latchkey.jwt.min-rsa-bits=20000", "latchkey.jwt.jwks.min-cache-ttl=PT10M",
            "latchkey.jwt.jwks.min-cache-ttl=PT1S", "latchkey.jwt.jwks.max-cache-ttl=PT1M",
            "mp.jwt.decrypt.key.algorithm=RSA1_5", "mp.jwt.decrypt.key.algorithm=PBES2-HS256+A128KW",
            "mp.jwt.decrypt.key.algorithm=dir", "latchkey.jwt.decrypt.content-encryption=A128CBC-HS256"})
    void whenValueOutOfRangeThenRefusedNamingProperty(String assignment) {
        String[] kv = assignment.split("=", 2);
        ConfigurationException e = refused(base(kv[0], kv[1]));
        assertTrue(e.getMessage().contains(kv[0]), e.getMessage());
    }

    @Test
    void whenIssuerPropertyNamesScannedThenOnlyWellFormedNamesCount() {
        assertEquals(Set.of("a", "b-2"), JwtSettings.issuerNames(List.of("latchkey.jwt.issuers.a.issuer",
                "latchkey.jwt.issuers.b-2.publickey.location", "latchkey.jwt.issuers.", "latchkey.jwt.typ",
                "latchkey.jwt.issuers.noproperty")));
    }
}

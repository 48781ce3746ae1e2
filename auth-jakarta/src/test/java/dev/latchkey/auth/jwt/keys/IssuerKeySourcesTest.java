package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.jwt.config.IssuerSettings;
import dev.latchkey.auth.jwt.config.JwksSettings;
import dev.latchkey.auth.jwt.config.JwtAlgorithms;
import dev.latchkey.test.jwt.TestKeys;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IssuerKeySourcesTest {

    @TempDir
    Path dir;

    private static IssuerSettings issuer(Optional<String> key, Optional<String> location) {
        return new IssuerSettings("default", "mp.jwt.verify.", "https://issuer", key, location, Set.of(),
                JwtAlgorithms.DEFAULT);
    }

    private static int keyCount(JWKSource<SecurityContext> source) throws Exception {
        return source.get(new JWKSelector(new JWKMatcher.Builder().build()), null).size();
    }

    private static JWKSource<SecurityContext> build(IssuerSettings s) {
        return IssuerKeySources.build(s, JwksSettings.defaults(), 2048);
    }

    @Test
    void whenFileLocationAsPathOrFileUrlThenRead() throws Exception {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, new JWKSet(List.of(TestKeys.rsa("a").toPublicJWK(), TestKeys.ec("b").toPublicJWK())).toString());
        assertEquals(2, keyCount(build(issuer(Optional.empty(), Optional.of(file.toString())))));
        assertEquals(2, keyCount(build(issuer(Optional.empty(), Optional.of(file.toUri().toString())))));
    }

    @Test
    void whenClasspathLocationThenRead() throws Exception {
        Path resource = Path.of("target/test-classes/latchkey-test-key.jwk");
        Files.createDirectories(resource.getParent());
        Files.writeString(resource, TestKeys.ec("cp").toPublicJWK().toJSONString());
        assertEquals(1, keyCount(build(issuer(Optional.empty(), Optional.of("classpath:latchkey-test-key.jwk")))));
        assertEquals(1, keyCount(build(issuer(Optional.empty(), Optional.of("latchkey-test-key.jwk")))));
    }

    @Test
    void whenLocationMissingAtStartThenUnavailableUntilItAppears() throws Exception {
        Path file = dir.resolve("late.pem");
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        JWKSource<SecurityContext> source = IssuerKeySources.build(issuer(Optional.empty(),
                Optional.of(file.toUri().toString())), JwksSettings.defaults(), 2048, clock);
        KeySourceException e = assertThrows(KeySourceException.class, () -> keyCount(source));
        assertTrue(e instanceof JWKSetUnavailableException, "ours (503), not the caller's");
        assertTrue(e.getMessage().contains("mp.jwt.verify.publickey.location"), e.getMessage());
        Files.writeString(file, pem(TestKeys.ec("late").toECPublicKey().getEncoded(), "PUBLIC KEY"));
        assertThrows(JWKSetUnavailableException.class, () -> keyCount(source),
                "the failure is remembered until the retry interval has passed");
        clock.advance(JwksSettings.defaults().minRefetchInterval());
        assertEquals(1, keyCount(source), "read at first use once present");
        Files.delete(file);
        assertEquals(1, keyCount(source), "kept once read");
    }

    @Test
    void whenLocationPresentButUnusableAtStartThenDeploymentFailsNamingProperty() throws Exception {
        Path file = dir.resolve("garbage.pem");
        Files.writeString(file, "not a key");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> build(issuer(Optional.empty(), Optional.of(file.toString()))));
        assertTrue(e.getMessage().contains("mp.jwt.verify.publickey.location"));
    }

    @Test
    void whenLocationPresentButUnreadableAtStartThenDeploymentFailsNamingProperty() throws Exception {
        Path file = dir.resolve("binary.pem");
        Files.write(file, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}); // not UTF-8: reading fails
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> build(issuer(Optional.empty(), Optional.of(file.toString()))));
        assertTrue(e.getMessage().contains("mp.jwt.verify.publickey.location"), e.getMessage());
    }

    @Test
    void whenFileUrlNamesAHostThenDeploymentFails() {
        for (String url : List.of("file://host/keys/key.pem", "file:relative.pem")) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> build(issuer(Optional.empty(), Optional.of(url))), url);
            assertTrue(e.getMessage().contains("mp.jwt.verify.publickey.location"), e.getMessage());
        }
    }

    @Test
    void whenPlainHttpThenOnlyLoopbackCountsAsLocal() throws Exception {
        assertFalse(RemoteKeySources.plainHttpBeyondLoopback(new java.net.URL("http://127.0.0.1:8080/k")));
        assertFalse(RemoteKeySources.plainHttpBeyondLoopback(new java.net.URL("http://localhost/k")));
        assertFalse(RemoteKeySources.plainHttpBeyondLoopback(new java.net.URL("http://[::1]/k")));
        assertFalse(RemoteKeySources.plainHttpBeyondLoopback(new java.net.URL("https://keys.example/k")));
        assertTrue(RemoteKeySources.plainHttpBeyondLoopback(new java.net.URL("http://keys.example/k")));
        assertTrue(RemoteKeySources.plainHttpBeyondLoopback(new java.net.URL("http://127.0.0.1.example/k")));
    }

    @Test
    void whenLocationHasUnsupportedSchemeThenDeploymentFails() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> build(issuer(Optional.empty(), Optional.of("ftp://host/key.pem"))));
        assertTrue(e.getMessage().contains("mp.jwt.verify.publickey.location"));
    }

    @Test
    void whenRelativeClasspathNameWithLeadingSlashThenRead() throws Exception {
        Path resource = Path.of("target/test-classes/latchkey-test-ec.pem");
        Files.createDirectories(resource.getParent());
        Files.writeString(resource, pem(TestKeys.ec("cp-ec").toECPublicKey().getEncoded(), "PUBLIC KEY"));
        IssuerSettings es256 = new IssuerSettings("default", "mp.jwt.verify.", "https://issuer", Optional.empty(),
                Optional.of("/latchkey-test-ec.pem"), Set.of(), Set.of(com.nimbusds.jose.JWSAlgorithm.ES256));
        assertEquals(1, keyCount(build(es256)));
    }

    static String pem(byte[] der, String type) {
        return "-----BEGIN " + type + "-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    @Test
    void whenConfiguredKeyIsUnusableThenDeploymentFailsNamingKid() {
        String weak = TestKeys.rsa("weak-kid", 1024).toPublicJWK().toJSONString();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> build(issuer(Optional.of(weak), Optional.empty())));
        assertTrue(e.getMessage().contains("weak-kid") && e.getMessage().contains("mp.jwt.verify.publickey"));
        String privateJwk = TestKeys.rsa("leaked").toJSONString();
        ConfigurationException p = assertThrows(ConfigurationException.class,
                () -> build(issuer(Optional.of(privateJwk), Optional.empty())));
        assertTrue(p.getMessage().contains("private key"));
        assertFalse(p.getMessage().contains(TestKeys.rsa("leaked").getPrivateExponent().toString()), "never echoes the key");
    }

    @Test
    void whenRemoteLocationThenNotFetchedAtBuild() {
        JWKSource<SecurityContext> s = build(issuer(Optional.empty(), Optional.of("http://127.0.0.1:1/jwks")));
        assertTrue(s != null);
    }
}

package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.jwt.config.IssuerSettings;
import dev.latchkey.auth.jwt.config.JwksSettings;
import dev.latchkey.auth.jwt.config.JwtAlgorithms;
import dev.latchkey.auth.jwt.fixtures.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
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
        Files.writeString(file, new JWKSet(List.of(Keys.rsa("a").toPublicJWK(), Keys.ec("b").toPublicJWK())).toString());
        assertEquals(2, keyCount(build(issuer(Optional.empty(), Optional.of(file.toString())))));
        assertEquals(2, keyCount(build(issuer(Optional.empty(), Optional.of(file.toUri().toString())))));
    }

    @Test
    void whenClasspathLocationThenRead() throws Exception {
        Path resource = Path.of("target/test-classes/latchkey-test-key.jwk");
        Files.createDirectories(resource.getParent());
        Files.writeString(resource, Keys.ec("cp").toPublicJWK().toJSONString());
        assertEquals(1, keyCount(build(issuer(Optional.empty(), Optional.of("classpath:latchkey-test-key.jwk")))));
        assertEquals(1, keyCount(build(issuer(Optional.empty(), Optional.of("latchkey-test-key.jwk")))));
    }

    @Test
    void whenLocationMissingThenRefusedNamingProperty() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> build(issuer(Optional.empty(), Optional.of("classpath:nope.pem"))));
        assertTrue(e.getMessage().contains("mp.jwt.verify.publickey.location"));
    }

    @Test
    void whenConfiguredKeyIsUnusableThenDeploymentFailsNamingKid() {
        String weak = Keys.rsa("weak-kid", 1024).toPublicJWK().toJSONString();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> build(issuer(Optional.of(weak), Optional.empty())));
        assertTrue(e.getMessage().contains("weak-kid") && e.getMessage().contains("mp.jwt.verify.publickey"));
        String privateJwk = Keys.rsa("leaked").toJSONString();
        ConfigurationException p = assertThrows(ConfigurationException.class,
                () -> build(issuer(Optional.of(privateJwk), Optional.empty())));
        assertTrue(p.getMessage().contains("private key"));
        assertFalse(p.getMessage().contains(Keys.rsa("leaked").getPrivateExponent().toString()), "never echoes the key");
    }

    @Test
    void whenRemoteLocationThenNotFetchedAtBuild() {
        JWKSource<SecurityContext> s = build(issuer(Optional.empty(), Optional.of("http://127.0.0.1:1/jwks")));
        assertTrue(s != null);
    }
}

package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.jwt.fixtures.Jwe;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import dev.latchkey.auth.jwt.fixtures.Tokens;
import dev.latchkey.auth.jwt.fixtures.Verifiers;
import dev.latchkey.test.jwt.JwksServer;
import dev.latchkey.test.jwt.TestKeys;
import dev.latchkey.test.jwt.TokenBuilder;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static dev.latchkey.auth.jwt.fixtures.Verifiers.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key forms and locations MicroProfile JWT 2.1 deployments configure (as its TCK does), through the verifier. */
class MicroProfileKeyFormatsTest {

    private final RSAKey rsa = TestKeys.rsa("publicKey4k");
    private final ECKey ec = TestKeys.ec("eckey");
    private final MutableClock clock = new MutableClock(Tokens.NOW);

    @TempDir
    Path dir;

    private JwtVerifier verifier(String... properties) {
        Map<String, String> p = new HashMap<>();
        p.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        for (int i = 0; i + 1 < properties.length; i += 2) {
            p.put(properties[i], properties[i + 1]);
        }
        return Verifiers.verifier(p, clock);
    }

    private String subject(JwtVerifier v, TokenBuilder token) {
        return v.verify(token.sign(), null).claims().getSubject();
    }

    @Test
    void whenPemKeyHasNoKidThenTokenWithAnyKidVerifies() throws Exception {
        String pem = Jwe.pem(rsa.toRSAPublicKey().getEncoded(), "PUBLIC KEY");
        assertEquals("alice", subject(verifier("mp.jwt.verify.publickey", pem), Tokens.signedBy(rsa)));
        RSAKey otherKid = new RSAKey.Builder(rsa).keyID("whatever").build();
        assertEquals("alice", subject(verifier("mp.jwt.verify.publickey", pem), Tokens.signedBy(otherKid)));
    }

    @Test
    void whenJwkHasKidThenOnlyThatKidMatches() {
        JwtVerifier v = verifier("mp.jwt.verify.publickey", rsa.toPublicJWK().toJSONString());
        RSAKey otherKid = new RSAKey.Builder(rsa).keyID("other").build();
        assertRejected(JwtRejection.UNKNOWN_KEY, () -> v.verify(Tokens.signedBy(otherKid).sign(), null));
    }

    @Test
    void whenEcPemOrJwkWithEs256AlgorithmThenEs256OnlyAccepted() throws Exception {
        String pem = Jwe.pem(ec.toECPublicKey().getEncoded(), "PUBLIC KEY");
        JwtVerifier inline = verifier("mp.jwt.verify.publickey", pem, "mp.jwt.verify.publickey.algorithm", "ES256");
        assertEquals("alice", subject(inline, Tokens.signedBy(ec)));
        Path jwk = dir.resolve("ecPublicKey.jwk");
        Files.writeString(jwk, ec.toPublicJWK().toJSONString());
        JwtVerifier located = verifier("mp.jwt.verify.publickey.location", jwk.toString(),
                "mp.jwt.verify.publickey.algorithm", "ES256");
        assertEquals("alice", subject(located, Tokens.signedBy(ec)));
        JwtVerifier rsaOnly = verifier("mp.jwt.verify.publickey", new JWKSet(rsa.toPublicJWK()).toString(),
                "mp.jwt.verify.publickey.algorithm", "RS256");
        assertRejected(JwtRejection.ALGORITHM_NOT_ALLOWED, () -> rsaOnly.verify(Tokens.signedBy(ec).sign(), null));
    }

    @Test
    void whenInlineKeyIsBase64JwkOrJwksThenVerified() {
        String jwk = Base64.getEncoder().encodeToString(rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
        String jwks = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new JWKSet(rsa.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8));
        assertEquals("alice", subject(verifier("mp.jwt.verify.publickey", jwk), Tokens.signedBy(rsa)));
        assertEquals("alice", subject(verifier("mp.jwt.verify.publickey", jwks), Tokens.signedBy(rsa)));
    }

    @Test
    void whenHttpLocationServesPemOrSingleJwkThenVerified() throws Exception {
        try (JwksServer server = new JwksServer()) {
            server.publishRaw(Jwe.pem(rsa.toRSAPublicKey().getEncoded(), "PUBLIC KEY"));
            assertEquals("alice", subject(verifier("mp.jwt.verify.publickey.location", server.url()),
                    Tokens.signedBy(rsa)));
            server.publishRaw(rsa.toPublicJWK().toJSONString());
            assertEquals("alice", subject(verifier("mp.jwt.verify.publickey.location", server.url()),
                    Tokens.signedBy(rsa)));
        }
    }

    @Test
    void when1024BitKeyThenRefusedUnlessMinRsaBitsLoweredExplicitly() {
        RSAKey weak = TestKeys.rsa("1024bit", 1024);
        String jwk = weak.toPublicJWK().toJSONString();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> verifier("mp.jwt.verify.publickey", jwk));
        assertTrue(e.getMessage().contains("1024"), e.getMessage());
        assertEquals("alice", subject(verifier("mp.jwt.verify.publickey", jwk, "latchkey.jwt.min-rsa-bits", "1024"),
                Tokens.signedBy(weak)));
        assertThrows(ConfigurationException.class,
                () -> TestConfig.settings(Map.of("mp.jwt.verify.issuer", Tokens.ISSUER, "mp.jwt.verify.publickey", jwk,
                        "latchkey.jwt.min-rsa-bits", "512")));
    }

    @Test
    void when1024BitKeyAtLocationThenAlsoAcceptedOnlyWithOptIn() throws Exception {
        RSAKey weak = TestKeys.rsa("1024bit", 1024);
        Path file = dir.resolve("rsaPublicKey1024bit.jwk");
        Files.writeString(file, weak.toPublicJWK().toJSONString());
        assertThrows(ConfigurationException.class, () -> verifier("mp.jwt.verify.publickey.location", file.toString()));
        assertEquals("alice", subject(verifier("mp.jwt.verify.publickey.location", file.toString(),
                "latchkey.jwt.min-rsa-bits", "1024"), Tokens.signedBy(weak).alg(JWSAlgorithm.RS256)));
    }
}

package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.PasswordBasedEncrypter;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.jwt.fixtures.Jwe;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import dev.latchkey.auth.jwt.fixtures.Tokens;
import dev.latchkey.auth.jwt.fixtures.Verifiers;
import dev.latchkey.test.jwt.JwksServer;
import dev.latchkey.test.jwt.TestKeys;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.latchkey.auth.jwt.fixtures.Verifiers.assertRejected;
import static dev.latchkey.auth.jwt.fixtures.Verifiers.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nested sign-then-encrypt tokens (MicroProfile JWT 2.1 {@code mp.jwt.decrypt.*}). */
class JweVerificationTest {

    private final RSAKey signer = TestKeys.rsa("sig-1");
    private final RSAKey recipient = TestKeys.rsa("enc-1");
    private final MutableClock clock = new MutableClock(Tokens.NOW);

    @TempDir
    Path dir;

    private String write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toUri().toString();
    }

    private JwtVerifier verifier(String location, String... more) {
        Map<String, String> p = TestConfig.single(signer.toPublicJWK().toJSONString(), more);
        if (location != null) {
            p.put("mp.jwt.decrypt.key.location", location);
        }
        return Verifiers.verifier(p, clock);
    }

    private JwtVerifier pemVerifier(String... more) throws Exception {
        return verifier(write("enc.pem", Jwe.privatePem(recipient)), more);
    }

    private String signed() {
        return Tokens.signedBy(signer).sign();
    }

    @Test
    void whenNestedTokenWithPemKeyThenVerified() throws Exception {
        String token = Jwe.nested(signed(), recipient);
        assertEquals("alice", pemVerifier().verify(token, null).claims().getSubject());
    }

    @Test
    void whenRsaOaepAndRsaOaep256ByDefaultThenBothAccepted() throws Exception {
        JwtVerifier v = pemVerifier();
        for (JWEAlgorithm alg : List.of(JWEAlgorithm.RSA_OAEP, JWEAlgorithm.RSA_OAEP_256)) {
            String token = Jwe.encrypt(signed(), recipient, alg, EncryptionMethod.A256GCM, h -> h.contentType("JWT"));
            assertEquals("alice", v.verify(token, null).claims().getSubject(), alg.getName());
        }
    }

    @Test
    void whenAlgorithmConfiguredThenOnlyThatOneAccepted() throws Exception {
        JwtVerifier v = pemVerifier("mp.jwt.decrypt.key.algorithm", "RSA-OAEP-256");
        String oaep = Jwe.encrypt(signed(), recipient, JWEAlgorithm.RSA_OAEP, EncryptionMethod.A256GCM,
                h -> h.contentType("JWT"));
        assertRejected(JwtRejection.ALGORITHM_NOT_ALLOWED, () -> v.verify(oaep, null));
        assertEquals("alice", v.verify(Jwe.nested(signed(), recipient), null).claims().getSubject());
    }

    @Test
    void whenA128GcmOnlyIfConfiguredThenAccepted() throws Exception {
        String token = Jwe.encrypt(signed(), recipient, JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM,
                h -> h.contentType("JWT"));
        assertRejected(JwtRejection.ALGORITHM_NOT_ALLOWED, () -> pemVerifier().verify(token, null));
        JwtVerifier v = pemVerifier("latchkey.jwt.decrypt.content-encryption", "A128GCM,A256GCM");
        assertEquals("alice", v.verify(token, null).claims().getSubject());
    }

    @Test
    void whenKeyIsJwkOrJwksOrBase64UrlJwkThenVerified() throws Exception {
        RSAKey withKid = new RSAKey.Builder(recipient).keyUse(KeyUse.ENCRYPTION).keyID("mp-jwt").build();
        String token = Jwe.encrypt(signed(), recipient, JWEAlgorithm.RSA_OAEP, EncryptionMethod.A256GCM,
                h -> h.contentType("JWT").keyID("mp-jwt"));
        assertEquals("alice", verifier(write("k.jwk", withKid.toJSONString())).verify(token, null).claims().getSubject());
        assertEquals("alice", verifier(write("k.jwks", new JWKSet(withKid).toString(false))).verify(token, null)
                .claims().getSubject());
        String b64 = Base64URL.encode(withKid.toJSONString().getBytes(StandardCharsets.UTF_8)).toString();
        assertEquals("alice", verifier(write("k.b64", b64)).verify(token, null).claims().getSubject());
    }

    @Test
    void whenTokenKidNamesAnotherKeyThenUnknownKey() throws Exception {
        RSAKey withKid = new RSAKey.Builder(recipient).keyID("mp-jwt").build();
        String token = Jwe.encrypt(signed(), recipient, JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM,
                h -> h.contentType("JWT").keyID("other"));
        assertRejected(JwtRejection.UNKNOWN_KEY, () -> verifier(write("k.jwk", withKid.toJSONString()))
                .verify(token, null));
    }

    @Test
    void whenKeyLocationIsHttpThenFetchedAtFirstUse() throws Exception {
        try (JwksServer server = new JwksServer().publishRaw(Jwe.privatePem(recipient))) {
            JwtVerifier v = verifier(server.url());
            assertEquals(0, server.requests());
            assertEquals("alice", v.verify(Jwe.nested(signed(), recipient), null).claims().getSubject());
            assertEquals(1, server.requests());
        }
    }

    @Test
    void whenHttpKeyLocationIsDownThen503NotInvalidToken() throws Exception {
        try (JwksServer server = new JwksServer()) {
            server.down(true);
            AuthError e = failure(() -> verifier(server.url()).verify(Jwe.nested(signed(), recipient), null));
            assertEquals(503, e.status());
            assertEquals("jwks_unavailable", e.reason());
        }
    }

    @Test
    void whenDecryptionConfiguredThenSignedOnlyTokenRefused() throws Exception {
        assertRejected(JwtRejection.SIGNED_ONLY, () -> pemVerifier().verify(signed(), null));
    }

    @Test
    void whenNoDecryptionConfiguredThenJweRefused() {
        assertRejected(JwtRejection.ENCRYPTED, () -> verifier(null).verify(Jwe.nested(signed(), recipient), null));
    }

    @Test
    void whenCtyMissingOrPayloadNotAJwsThenRefused() throws Exception {
        JwtVerifier v = pemVerifier();
        String noCty = Jwe.encrypt(signed(), recipient, JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM, h -> h);
        assertRejected(JwtRejection.NOT_NESTED, () -> v.verify(noCty, null));
        String claimsOnly = Jwe.encrypt(Tokens.defaultClaims().build().toString(), recipient,
                JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM, h -> h.contentType("JWT"));
        assertRejected(JwtRejection.NOT_NESTED, () -> v.verify(claimsOnly, null));
        String doubleJwe = Jwe.nested(Jwe.nested(signed(), recipient), recipient);
        AuthError e = failure(() -> v.verify(doubleJwe, null));
        assertEquals(401, e.status());
    }

    @Test
    void whenNestedSignatureIsWrongThenInvalidSignature() throws Exception {
        RSAKey impostor = new RSAKey.Builder(TestKeys.rsa("impostor")).keyID(signer.getKeyID()).build();
        String token = Jwe.nested(Tokens.signedBy(impostor).sign(), recipient);
        assertRejected(JwtRejection.INVALID_SIGNATURE, () -> pemVerifier().verify(token, null));
    }

    @Test
    void whenEncryptedForAnotherKeyOrTamperedThenDecryptionFailed() throws Exception {
        JwtVerifier v = pemVerifier();
        assertRejected(JwtRejection.DECRYPTION_FAILED, () -> v.verify(Jwe.nested(signed(), TestKeys.rsa("enc-2")), null));
        String[] parts = Jwe.nested(signed(), recipient).split("\\.");
        char[] ct = parts[3].toCharArray();
        ct[5] = ct[5] == 'A' ? 'B' : 'A';
        String tampered = String.join(".", parts[0], parts[1], parts[2], new String(ct), parts[4]);
        assertRejected(JwtRejection.DECRYPTION_FAILED, () -> v.verify(tampered, null));
    }

    @Test
    void whenAttackerPicksPbes2DirRsa15OrCompressionThenRefusedBeforeDecryption() throws Exception {
        JwtVerifier v = pemVerifier();
        String pbes2 = Jwe.encrypt(signed(), new PasswordBasedEncrypter("password-password", 16, 1000),
                JWEAlgorithm.PBES2_HS256_A128KW, EncryptionMethod.A256GCM, h -> h.contentType("JWT"));
        assertRejected(JwtRejection.ALGORITHM_NOT_ALLOWED, () -> v.verify(pbes2, null));
        String dir = Jwe.encrypt(signed(), new DirectEncrypter(new byte[32]), JWEAlgorithm.DIR,
                EncryptionMethod.A256GCM, h -> h.contentType("JWT"));
        assertRejected(JwtRejection.ALGORITHM_NOT_ALLOWED, () -> v.verify(dir, null));
        String rsa15 = Jwe.encrypt(signed(), recipient, JWEAlgorithm.RSA1_5, EncryptionMethod.A256GCM,
                h -> h.contentType("JWT"));
        assertRejected(JwtRejection.ALGORITHM_NOT_ALLOWED, () -> v.verify(rsa15, null));
        String zip = Jwe.encrypt(signed(), recipient, JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM,
                Jwe.compressed());
        assertRejected(JwtRejection.COMPRESSED, () -> v.verify(zip, null));
        String crit = Jwe.encrypt(signed(), recipient, JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM,
                h -> h.contentType("JWT").criticalParams(java.util.Set.of("exp")).customParam("exp", 1));
        assertRejected(JwtRejection.UNSUPPORTED_CRITICAL_HEADER, () -> v.verify(crit, null));
    }

    @Test
    void whenCritIsAnEmptyListThenRefused() throws Exception {
        JWEHeader header = JWEHeader.parse(Base64URL.encode(
                "{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"cty\":\"JWT\",\"crit\":[]}"));
        JWEObject jwe = new JWEObject(header, new Payload(signed()));
        jwe.encrypt(new RSAEncrypter(recipient.toRSAPublicKey()));
        String token = jwe.serialize();
        assertTrue(token.startsWith(header.toBase64URL().toString()), "the empty crit is on the wire");
        assertRejected(JwtRejection.UNSUPPORTED_CRITICAL_HEADER, () -> pemVerifier().verify(token, null));
    }

    @Test
    void whenJweLargerThanMaxBytesThenRefusedBeforeParsing() throws Exception {
        String big = Jwe.nested(Tokens.signedBy(signer).claims(b -> b.claim("pad", "p".repeat(4000))).sign(),
                recipient);
        assertRejected(JwtRejection.TOO_LARGE, () -> pemVerifier("latchkey.jwt.max-token-bytes", "4096")
                .verify(big, null));
    }

    @Test
    void whenDecryptionKeyLocationMissingThen503UntilPresent() throws Exception {
        Path late = dir.resolve("late.pem");
        JwtVerifier v = verifier(late.toUri().toString());
        String token = Jwe.nested(signed(), recipient);
        AuthError e = failure(() -> v.verify(token, null));
        assertEquals(503, e.status());
        Files.writeString(late, Jwe.privatePem(recipient));
        clock.advance(java.time.Duration.ofSeconds(30)); // the location is read again at most once per 30 s
        assertEquals("alice", v.verify(token, null).claims().getSubject());
    }

    @Test
    void whenDecryptionKeyLocationIsPlainHttpToAnotherHostThenDeploymentFails() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> verifier("http://keys.example/enc.jwk"));
        assertTrue(e.getMessage().contains("mp.jwt.decrypt.key.location"), e.getMessage());
    }

    @Test
    void whenDecryptionKeyIsBrokenAtStartThenDeploymentFailsNamingPropertyWithoutEchoingKey() throws Exception {
        ConfigurationException pub = assertThrows(ConfigurationException.class,
                () -> verifier(write("pub.jwk", recipient.toPublicJWK().toJSONString())));
        assertTrue(pub.getMessage().contains("mp.jwt.decrypt.key.location"), pub.getMessage());
        RSAKey sig = new RSAKey.Builder(recipient).keyUse(KeyUse.SIGNATURE).build();
        ConfigurationException use = assertThrows(ConfigurationException.class,
                () -> verifier(write("sig.jwk", sig.toJSONString())));
        assertTrue(use.getMessage().contains("enc"), use.getMessage());
        assertFalse(use.getMessage().contains(recipient.getPrivateExponent().toString()));
        RSAKey weak = TestKeys.rsa("weak-enc", 1024);
        ConfigurationException small = assertThrows(ConfigurationException.class,
                () -> verifier(write("weak.pem", Jwe.privatePem(weak))));
        assertTrue(small.getMessage().contains("1024"), small.getMessage());
        ConfigurationException alg = assertThrows(ConfigurationException.class,
                () -> pemVerifier("mp.jwt.decrypt.key.algorithm", "RSA1_5"));
        assertTrue(alg.getMessage().contains("mp.jwt.decrypt.key.algorithm"));
        ConfigurationException enc = assertThrows(ConfigurationException.class,
                () -> pemVerifier("latchkey.jwt.decrypt.content-encryption", "A256CBC-HS512"));
        assertTrue(enc.getMessage().contains("latchkey.jwt.decrypt.content-encryption"));
    }
}

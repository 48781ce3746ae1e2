package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import dev.latchkey.auth.jwt.fixtures.Tokens;
import dev.latchkey.auth.jwt.fixtures.Verifiers;
import dev.latchkey.test.jwt.JwksServer;
import dev.latchkey.test.jwt.Jws;
import dev.latchkey.test.jwt.TestKeys;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.latchkey.auth.jwt.fixtures.Verifiers.assertRejected;
import static dev.latchkey.auth.jwt.fixtures.Verifiers.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** RFC 8725 §2 threats, one test each: every forged token must be a clean 401, never accepted, never a 500. */
class AttackerChecklistTest {

    private static final String CLAIMS = "{\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"api\",\"sub\":\"mallory\","
            + "\"exp\":" + (Tokens.NOW.getEpochSecond() + 300) + "}";

    private final RSAKey rsa = TestKeys.rsa("rsa-1");
    private final ECKey ec = TestKeys.ec("ec-1");
    private final MutableClock clock = new MutableClock(Tokens.NOW);
    private final String publicJwks = new com.nimbusds.jose.jwk.JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()))
            .toString(true);
    private final JwtVerifier verifier = Verifiers.verifier(TestConfig.single(publicJwks), clock);

    private AuthError rejected(String token) {
        AuthError e = failure(() -> verifier.verify(token, null));
        assertEquals(401, e.status());
        assertEquals("invalid_token", e.error());
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void whenAlgNoneInAnySpellingThenAlgorithmNotAllowed(String alg) {
        String token = Jws.raw("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}", CLAIMS, "");
        assertRejected(JwtRejection.ALGORITHM_NOT_ALLOWED, () -> verifier.verify(token, null));
        String withSig = Jws.raw("{\"alg\":\"" + alg + "\"}", CLAIMS, "c2ln");
        assertRejected(JwtRejection.ALGORITHM_NOT_ALLOWED, () -> verifier.verify(withSig, null));
    }

    @Test
    void whenSignatureStrippedThenRejected() {
        String valid = Tokens.signedBy(rsa).sign();
        String stripped = valid.substring(0, valid.lastIndexOf('.') + 1);
        assertNotEquals("jti-1", rejected(stripped).credentialId());
        rejected(valid.substring(0, valid.lastIndexOf('.')));
    }

    @Test
    void whenRs256SwappedToHs256WithPublicKeyAsSecretThenAlgorithmNotAllowed() throws Exception {
        for (byte[] secret : List.of(publicJwks.getBytes(StandardCharsets.UTF_8),
                rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                rsa.toPublicKey().getEncoded())) {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                    new Payload(CLAIMS));
            jws.sign(new MACSigner(secret));
            assertRejected(JwtRejection.ALGORITHM_NOT_ALLOWED, () -> verifier.verify(jws.serialize(), null));
        }
    }

    @Test
    void whenEmbeddedJwkHeaderThenItsKeyIsNotUsed() {
        RSAKey attacker = new RSAKey.Builder(TestKeys.rsa("attacker")).keyID("rsa-1").build();
        String token = Tokens.signedBy(attacker).header(h -> h.jwk(attacker.toPublicJWK())).sign();
        assertRejected(JwtRejection.INVALID_SIGNATURE, () -> verifier.verify(token, null));
        RSAKey attackerOwnKid = TestKeys.rsa("attacker");
        String own = Tokens.signedBy(attackerOwnKid).header(h -> h.jwk(attackerOwnKid.toPublicJWK())).sign();
        assertRejected(JwtRejection.UNKNOWN_KEY, () -> verifier.verify(own, null));
    }

    @Test
    void whenJkuOrX5uPointsAtAttackerServerThenNoRequestIsMade() throws Exception {
        RSAKey attacker = TestKeys.rsa("attacker");
        try (JwksServer server = new JwksServer().publish(attacker.toPublicJWK())) {
            URI url = URI.create(server.url());
            rejected(Tokens.signedBy(attacker).header(h -> h.jwkURL(url)).sign());
            rejected(Tokens.signedBy(attacker).header(h -> h.x509CertURL(url)).sign());
            RSAKey sameKid = new RSAKey.Builder(attacker).keyID("rsa-1").build();
            rejected(Tokens.signedBy(sameKid).header(h -> h.jwkURL(url)).sign());
            assertEquals(0, server.requests(), "no outbound request may follow a token header");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../../../../dev/null", "' OR '1'='1", "rsa-1'; DROP TABLE keys;--", "%2e%2e%2f",
            "rsa-1\u0000", "file:///etc/passwd", "http://127.0.0.1/jwks"})
    void whenKidCarriesInjectionStringThenUnknownKey(String kid) {
        RSAKey signer = new RSAKey.Builder(rsa).keyID(kid).build();
        assertRejected(JwtRejection.UNKNOWN_KEY, () -> verifier.verify(Tokens.signedBy(signer).sign(), null));
    }

    @Test
    void whenEcdsaSignatureIsAllZeroThenInvalidSignature() {
        String valid = Tokens.signedBy(ec).sign();
        String psychic = valid.substring(0, valid.lastIndexOf('.') + 1) + Base64URL.encode(new byte[64]);
        assertRejected(JwtRejection.INVALID_SIGNATURE, () -> verifier.verify(psychic, null));
    }

    @Test
    void whenEcdsaSignatureIsDerInsteadOfP1363ThenInvalidSignature() throws Exception {
        String valid = Tokens.signedBy(ec).sign();
        byte[] p1363 = new Base64URL(valid.substring(valid.lastIndexOf('.') + 1)).decode();
        byte[] der = ECDSA.transcodeSignatureToDER(p1363);
        String token = valid.substring(0, valid.lastIndexOf('.') + 1) + Base64URL.encode(der);
        assertRejected(JwtRejection.INVALID_SIGNATURE, () -> verifier.verify(token, null));
    }

    @Test
    void whenBase64UrlIsNonCanonicalThenMalformed() {
        String valid = Tokens.signedBy(rsa).sign(); // 256-byte signature: 342 chars, the last carrying 4 pad bits
        char last = valid.charAt(valid.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1); // same high bits: decodes to the same bytes
        String nonCanonical = valid.substring(0, valid.length() - 1) + sibling;
        assertRejected(JwtRejection.MALFORMED, () -> verifier.verify(nonCanonical, null));
        assertRejected(JwtRejection.MALFORMED, () -> verifier.verify(valid + "==", null));
        assertRejected(JwtRejection.MALFORMED, () -> verifier.verify(valid.replace('-', '+').replace('_', '/')
                + (valid.contains("-") || valid.contains("_") ? "" : "+"), null));
    }

    @Test
    void whenDuplicateJsonMembersThenMalformed() throws Exception {
        String duplicated = "{\"iss\":\"https://evil.example\",\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"api\","
                + "\"sub\":\"mallory\",\"exp\":" + (Tokens.NOW.getEpochSecond() + 300) + "}";
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                new Payload(duplicated));
        jws.sign(Jws.signer(rsa));
        assertRejected(JwtRejection.MALFORMED, () -> verifier.verify(jws.serialize(), null));
        String dupHeader = Jws.raw("{\"alg\":\"none\",\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", CLAIMS, "c2ln");
        rejected(dupHeader);
    }

    @Test
    void whenClaimNests100000ArraysThenClean401() throws Exception {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        String payload = CLAIMS.substring(0, CLAIMS.length() - 1) + ",\"deep\":" + nested + "}";
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                new Payload(payload));
        jws.sign(Jws.signer(rsa));
        String token = jws.serialize();
        assertRejected(JwtRejection.TOO_LARGE, () -> verifier.verify(token, null));
        JwtVerifier roomy = Verifiers.verifier(TestConfig.single(publicJwks, "latchkey.jwt.max-token-bytes", "1048576"),
                clock);
        AuthError e = failure(() -> roomy.verify(token, null));
        assertEquals(401, e.status());
        String nestedHeader = Jws.raw("{\"alg\":\"RS256\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}",
                CLAIMS, "c2ln");
        assertEquals(401, failure(() -> roomy.verify(nestedHeader, null)).status());
    }

    @Test
    void whenPayloadIsNotJsonObjectThenMalformed() throws Exception {
        for (String payload : List.of("[]", "\"text\"", "null", "{", "{\"exp\":\"tomorrow\",\"aud\":\"api\",\"iss\":\"" + Tokens.ISSUER + "\"}")) {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                    new Payload(payload));
            jws.sign(Jws.signer(rsa));
            assertRejected(JwtRejection.MALFORMED, () -> verifier.verify(jws.serialize(), null));
        }
    }

    @Test
    void whenGarbageThenMalformedNeverAnException() {
        for (String garbage : List.of("", ".", "..", "a.b.c", "a.b", "eyJ.eyJ.", "\u00e9.\u00e9.\u00e9", "a.b.c.d")) {
            rejected(garbage);
        }
    }
}

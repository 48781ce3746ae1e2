package dev.latchkey.tck;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.latchkey.tck.AttackHarness.ATTACKER_CERT;
import static dev.latchkey.tck.AttackHarness.ATTACKER_JWKS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The attacker's checklist (RFC 8725 §2-3, issue 4) on algorithms and keys, against a WAR on embedded Jetty over
 * HTTP: every forged token is a 401 {@code invalid_token} with an RFC 9457 body — never a 200, never a 500 — and no
 * token header ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) makes the server call out: the counting server
 * sees only the configured JWKS fetches, within the refetch rate limit. The last test replays every attack
 * {@value AttackHarness#REPEAT} times and prints the latencies ({@code target/jwt-attack-latency.txt}).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JwtAttackTest {

    private static final AttackHarness HARNESS = new AttackHarness("JwtAttackTest");
    private static final AttackTokens T = HARNESS.tokens;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("jwt-attack", HARNESS.config(), "FixtureApplication", "FixtureResource");
    }

    @ArquillianResource
    URL base;

    @AfterAll
    static void report() {
        HARNESS.close("jwt-attack-latency.txt");
    }

    private void refused(String name, String token, String description) {
        HARNESS.refused(base, name, token, description);
    }

    private void refused(String name, String token) {
        HARNESS.refused(base, name, token);
    }

    @Test
    void whenValidRs256OrEs256TokenThen200() {
        Consumer<HttpResponse<String>> accepted = response -> {
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("alice admin=false", response.body());
        };
        HARNESS.attack(base, "control: valid RS256, fresh token", T::validRsa, accepted);
        HARNESS.attack(base, "control: valid ES256, fresh token", T::validEc, accepted);
        String cached = T.validRsa();
        HARNESS.attack(base, "control: valid RS256, same token (verified-token cache)", () -> cached, accepted);
    }

    @Test
    void whenAlgNoneInAnySpellingThen401AlgorithmNotAllowed() {
        String payload = JoseKit.parts(T.validRsa())[1];
        String realSignature = JoseKit.parts(T.validRsa())[2];
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            String header = JoseKit.b64("{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\"}");
            refused("alg " + alg + ", empty signature", header + "." + payload + ".", "algorithm not allowed");
            refused("alg " + alg + ", with a signature", header + "." + payload + "." + realSignature,
                    "algorithm not allowed");
            refused("alg " + alg + ", no trailing dot", header + "." + payload);
        }
    }

    @Test
    void whenStrippedSignatureThen401() {
        String rsa = T.validRsa();
        refused("stripped signature RS256", rsa.substring(0, rsa.lastIndexOf('.') + 1));
        String ec = T.validEc();
        refused("stripped signature ES256", ec.substring(0, ec.lastIndexOf('.') + 1));
    }

    @Test
    void whenHmacKeyedWithThePublicKeyThen401AlgorithmNotAllowed() throws JOSEException {
        byte[] der = T.rsa.toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        Map<String, byte[]> secrets = Map.of(
                "PEM", pem.getBytes(StandardCharsets.US_ASCII),
                "PEM without final newline", pem.strip().getBytes(StandardCharsets.US_ASCII),
                "DER", der,
                "JWK JSON", T.rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                "JWKS document", JoseKit.jwks(T.rsa, T.ec).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> secret : secrets.entrySet()) {
            for (JWSAlgorithm alg : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512)) {
                String header = "{\"alg\":\"" + alg.getName() + "\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\"}";
                String token = JoseKit.signRaw(header, T.claims(c -> c).toString(), new MACSigner(secret.getValue()), alg);
                refused(alg + " keyed with the RSA public key as " + secret.getKey(), token, "algorithm not allowed");
            }
        }
    }

    @Test
    void whenSignedWithAnAlgorithmOutsideTheAllowListOrKeyTypeThen401() {
        refused("PS256 by the issuer's own key (not in the allow-list)",
                T.token(T.rsa, JWSAlgorithm.PS256, h -> h, c -> c), "algorithm not allowed");
        // Signed by the issuer's real RSA key: only the kid naming an EC key (wrong key type for RS256) can refuse it
        refused("RS256 by the issuer's RSA key, header naming the EC key",
                T.token(T.rsa, JWSAlgorithm.RS256, h -> h.keyID("k-ec"), c -> c));
    }

    @Test
    void whenTokenCarriesItsOwnKeyThen401AndNothingIsFetched() throws CertificateEncodingException {
        refused("embedded jwk, attacker kid",
                T.token(T.attacker, JWSAlgorithm.RS256, h -> h.jwk(T.attacker.toPublicJWK()), c -> c));
        refused("embedded jwk, issuer kid",
                T.token(T.impostor, JWSAlgorithm.RS256, h -> h.jwk(T.impostor.toPublicJWK()), c -> c));
        refused("embedded jwk, no kid",
                T.token(T.impostor, JWSAlgorithm.RS256, h -> h.keyID(null).jwk(T.impostor.toPublicJWK()), c -> c));
        refused("jku to the attacker's JWKS", T.token(T.attacker, JWSAlgorithm.RS256,
                h -> h.jwkURL(URI.create(HARNESS.server.url(ATTACKER_JWKS))), c -> c));

        List<Base64> chain = List.of(Base64.encode(T.certificate.certificate().getEncoded()));
        RSAKey certificateKey = new RSAKey.Builder((RSAPublicKey) T.certificate.certificate().getPublicKey())
                .privateKey(T.certificate.privateKey()).keyID("evil-x5").build();
        refused("x5u to the attacker's certificate", T.token(certificateKey, JWSAlgorithm.RS256,
                h -> h.keyID(null).x509CertURL(URI.create(HARNESS.server.url(ATTACKER_CERT))), c -> c));
        refused("x5c with the attacker's certificate",
                T.token(certificateKey, JWSAlgorithm.RS256, h -> h.keyID(null).x509CertChain(chain), c -> c));
        refused("x5c with the attacker's certificate, issuer kid",
                T.token(certificateKey, JWSAlgorithm.RS256, h -> h.keyID("k-rsa").x509CertChain(chain), c -> c));
        assertEquals(0, HARNESS.server.hits(ATTACKER_JWKS) + HARNESS.server.hits(ATTACKER_CERT));
    }

    @Test
    void whenKidIsAnInjectionStringThen401AndJwksFetchesStayRateLimited() {
        List<String> kids = List.of("../../../../etc/passwd", "' OR 1=1 --", "%00", "\u0000", "k-rsa\u0000",
                "k-rsa ", "K-RSA", "k".repeat(2000), "ключ-🔑-鍵", "k-rsa\r\nX-Injected: 1", "${jndi:ldap://127.0.0.1/a}",
                "http://127.0.0.1/jwks.json");
        for (String kid : kids) {
            String name = "kid " + (kid.length() > 24 ? kid.substring(0, 8) + "...(" + kid.length() + " chars)"
                    : kid.replace("\u0000", "\\0").replace("\r\n", "\\r\\n"));
            // signed by the issuer's real key: only the kid is wrong, and it must not match anything by accident
            refused(name, T.token(T.rsa, JWSAlgorithm.RS256, h -> h.keyID(kid), c -> c));
        }
        String payload = T.claims(c -> c).toString();
        for (String kid : List.of("[\"k-rsa\"]", "{\"$ne\":null}", "1", "true")) {
            refused("kid as JSON " + kid,
                    T.signedRs256("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":" + kid + "}", payload, T.rsa));
        }
        // "kid": null reads as no kid (RFC 7515 §4.1.4 makes kid optional): only the signature decides
        refused("kid as JSON null, forged",
                T.signedRs256("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":null}", payload, T.impostor));
        HARNESS.assertJwksFetchesRateLimited();
    }

    @Test
    void whenEcdsaSignatureIsZeroOrTheGroupOrderThen401() {
        String token = T.validEc();
        byte[] n = HexFormat.of().parseHex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
        byte[] nn = new byte[64];
        System.arraycopy(n, 0, nn, 0, 32);
        System.arraycopy(n, 0, nn, 32, 32);
        refused("ES256 r=s=0 (CVE-2022-21449)", AttackTokens.withSignature(token, new byte[64]));
        refused("ES256 r=s=n", AttackTokens.withSignature(token, nn));
        refused("ES256 r=s=0 DER-encoded", AttackTokens.withSignature(token, HexFormat.of().parseHex("3006020100020100")));
        refused("ES256 one zero byte", AttackTokens.withSignature(token, new byte[1]));
    }

    @Test
    void whenEcdsaSignatureIsDerInsteadOfP1363Then401() throws JOSEException {
        String token = T.validEc();
        assertEquals(200, AttackHarness.send(base, token).statusCode());
        byte[] p1363 = new Base64URL(JoseKit.parts(token)[2]).decode();
        refused("ES256 valid signature, DER-encoded",
                AttackTokens.withSignature(token, ECDSA.transcodeSignatureToDER(p1363)));
    }

    /** Every attack again, timed: still refused, and the JWKS fetches still within the rate limit. */
    @Test
    @Order(Integer.MAX_VALUE)
    void whenEveryAttackIsReplayedThenStillRefused() {
        HARNESS.replay(base);
    }
}

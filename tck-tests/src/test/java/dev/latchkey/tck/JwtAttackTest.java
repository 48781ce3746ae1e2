package dev.latchkey.tck;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Disabled;
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
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacker's checklist (RFC 8725, issue 4) against a WAR on embedded Jetty, over HTTP. Every forged or malformed
 * token must be a 401 {@code invalid_token} with an RFC 9457 body — never a 200, never a 500 — and no token header
 * ({@code jku}, {@code x5u}, ...) may make the server call out: the counting server sees only the configured JWKS
 * fetches, at most as many as the refetch rate limit allows. At the end every attack is replayed {@value #REPEAT}
 * times and timed; the medians and maxima are printed once (measured, never asserted) and written to
 * {@code target/jwt-attack-latency.txt}.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JwtAttackTest {

    private static final int REPEAT = 20;
    private static final String ISSUER = "https://issuer.attack.test";
    private static final String AUDIENCE = "orders-api";
    private static final String JWKS = "/jwks.json";
    /** Nimbus's rate limiter allows two fetches per window (latchkey.jwt.jwks.min-refetch-interval, default 30 s). */
    private static final long WINDOW_NANOS = 30_000_000_000L;
    private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    private static final CountingServer SERVER = CountingServer.start();
    private static final RSAKey RSA = JoseKit.rsa("k-rsa");
    private static final ECKey EC = JoseKit.ec("k-ec");
    /** The attacker's keys: one reusing the issuer's kid, one of its own. */
    private static final RSAKey IMPOSTOR = JoseKit.rsa("k-rsa");
    private static final RSAKey ATTACKER = JoseKit.rsa("evil-1");
    private static final AttackerCertificate CERTIFICATE = AttackerCertificate.generate();
    private static final long STARTED = System.nanoTime();
    /** Every attack sent, by name, replayed and timed at the end. */
    private static final Map<String, Attack> ATTACKS = new ConcurrentHashMap<>();
    private static final LatencyLog LATENCY = new LatencyLog("JwtAttackTest: latency per request over HTTP");

    static {
        SERVER.serveJson(JWKS, JoseKit.jwks(RSA, EC));
        SERVER.serveJson("/attacker/jwks.json", JoseKit.jwks(ATTACKER));
        SERVER.serve("/attacker/cert.pem", 200, "application/pem-certificate-chain", CERTIFICATE.pem());
    }

    /** An attack replayed (and timed) by {@link #whenEveryAttackIsReplayedThenStillRefused}. */
    private record Attack(Supplier<String> token, Consumer<HttpResponse<String>> check) {
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("jwt-attack", Map.of(
                        "latchkey.mechanisms", "jwt",
                        "mp.jwt.verify.issuer", ISSUER,
                        "mp.jwt.verify.audiences", AUDIENCE,
                        "mp.jwt.verify.publickey.location", SERVER.url(JWKS),
                        "latchkey.jwt.typ", "at+jwt",
                        // below Jetty's 8 KiB header limit, so that Latchkey's own bound is what answers
                        "latchkey.jwt.max-token-bytes", "4096"),
                "FixtureApplication", "FixtureResource");
    }

    @ArquillianResource
    URL base;

    @AfterAll
    static void report() {
        SERVER.close();
        LATENCY.report("jwt-attack-latency.txt");
    }

    // ---- fixtures -------------------------------------------------------------------------------------------------

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> customize) {
        return customize.apply(JoseKit.claims(ISSUER, AUDIENCE)).build();
    }

    /** A token signed by {@code key} with {@code typ: at+jwt}, header and claims customised. */
    private static String token(com.nimbusds.jose.jwk.JWK key, JWSAlgorithm alg, UnaryOperator<JWSHeader.Builder> header,
                                UnaryOperator<JWTClaimsSet.Builder> claims) {
        return JoseKit.sign(key, alg, h -> header.apply(h.type(AT_JWT)), claims(claims));
    }

    private static String validRsa() {
        return token(RSA, JWSAlgorithm.RS256, h -> h, c -> c);
    }

    private static String validEc() {
        return token(EC, JWSAlgorithm.ES256, h -> h, c -> c);
    }

    private static String rsaHeader() {
        return "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\"}";
    }

    /** The payload JSON of a valid token, without its closing brace, so that members can be appended. */
    private static String openPayload(UnaryOperator<JWTClaimsSet.Builder> claims) {
        String json = claims(claims).toString();
        return json.substring(0, json.lastIndexOf('}'));
    }

    private static String withSignature(String token, byte[] signature) {
        return token.substring(0, token.lastIndexOf('.') + 1) + JoseKit.b64(signature);
    }

    // ---- assertions -----------------------------------------------------------------------------------------------

    private HttpResponse<String> send(String token) {
        return Http.get(base, "/api/protected", "Authorization", "Bearer " + token);
    }

    /** Sends the token once, checks the answer and that nothing was fetched, and keeps it for the replay. */
    private void attack(String name, Supplier<String> token, Consumer<HttpResponse<String>> check) {
        check.accept(send(token.get()));
        assertNoOutboundCall(name);
        ATTACKS.put(name, new Attack(token, check));
    }

    /** The answer must be 401 invalid_token (with {@code description} when given). */
    private void assertRefused(String name, String token, String description) {
        attack(name, () -> token, response -> assertInvalidToken(name, response, description));
    }

    private void assertRefused(String name, String token) {
        assertRefused(name, token, null);
    }

    private static void assertInvalidToken(String name, HttpResponse<String> response, String description) {
        assertEquals(401, response.statusCode(), name + ": " + response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer realm=\"api\", error=\"invalid_token\""), name + ": " + challenge);
        if (description != null) {
            assertTrue(challenge.endsWith("error_description=\"" + description + "\""), name + ": " + challenge);
        }
        assertProblem(name, response, "invalid_token");
    }

    private static void assertProblem(String name, HttpResponse<String> response, String error) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                name + ": " + response.headers().map());
        assertTrue(response.body().contains("\"error\":\"" + error + "\""), name + ": " + response.body());
        assertTrue(response.body().contains("\"status\":" + response.statusCode()), name + ": " + response.body());
    }

    /** Nothing but the configured JWKS was ever requested: no token header made the server call out. */
    private static void assertNoOutboundCall(String name) {
        assertEquals(SERVER.hits(JWKS), SERVER.totalHits(), name + ": the server fetched a URL named by a token");
    }

    /** At most two JWKS fetches per rate-limit window since the class started, whatever the kids sent. */
    private static void assertJwksFetchesRateLimited() {
        long windows = 1 + (System.nanoTime() - STARTED) / WINDOW_NANOS;
        assertTrue(SERVER.hits(JWKS) <= 2 * windows, SERVER.hits(JWKS) + " JWKS fetches in " + windows + " window(s)");
    }

    // ---- controls -------------------------------------------------------------------------------------------------

    @Test
    void whenValidRs256OrEs256TokenThen200() {
        Consumer<HttpResponse<String>> accepted = response -> {
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("alice admin=false", response.body());
        };
        attack("control: valid RS256, fresh token", JwtAttackTest::validRsa, accepted);
        attack("control: valid ES256, fresh token", JwtAttackTest::validEc, accepted);
        String cached = validRsa();
        attack("control: valid RS256, same token (verified-token cache)", () -> cached, accepted);
    }

    /**
     * Replays every attack of the class, warmed up once and then {@value #REPEAT} interleaved rounds, timing each
     * request: every answer must still be the same refusal, and the JWKS fetches stay within the rate limit.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void whenEveryAttackIsReplayedThenStillRefused() {
        Map<String, Attack> attacks = new TreeMap<>(ATTACKS);
        attacks.forEach((name, a) -> a.check().accept(send(a.token().get())));
        for (int round = 0; round < REPEAT; round++) {
            attacks.forEach((name, a) -> {
                String token = a.token().get();
                long start = System.nanoTime();
                HttpResponse<String> response = send(token);
                LATENCY.record(name, System.nanoTime() - start);
                a.check().accept(response);
            });
        }
        assertNoOutboundCall("replay");
        assertJwksFetchesRateLimited();
    }

    // ---- algorithm attacks ----------------------------------------------------------------------------------------

    @Test
    void whenAlgNoneInAnySpellingThen401AlgorithmNotAllowed() {
        String payload = JoseKit.parts(validRsa())[1];
        String realSignature = JoseKit.parts(validRsa())[2];
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            String header = JoseKit.b64("{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\"}");
            assertRefused("alg " + alg + ", empty signature", header + "." + payload + ".", "algorithm not allowed");
            assertRefused("alg " + alg + ", with a signature", header + "." + payload + "." + realSignature,
                    "algorithm not allowed");
            assertRefused("alg " + alg + ", no trailing dot", header + "." + payload);
        }
    }

    @Test
    void whenStrippedSignatureThen401() {
        String rsa = validRsa();
        assertRefused("stripped signature RS256", rsa.substring(0, rsa.lastIndexOf('.') + 1));
        String ec = validEc();
        assertRefused("stripped signature ES256", ec.substring(0, ec.lastIndexOf('.') + 1));
    }

    @Test
    void whenHmacSignedWithThePublicKeyThen401AlgorithmNotAllowed() throws JOSEException {
        RSAPublicKey publicKey = RSA.toRSAPublicKey();
        byte[] der = publicKey.getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        Map<String, byte[]> secrets = Map.of(
                "PEM", pem.getBytes(StandardCharsets.US_ASCII),
                "PEM without final newline", pem.strip().getBytes(StandardCharsets.US_ASCII),
                "DER", der,
                "JWK JSON", RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                "JWKS document", JoseKit.jwks(RSA, EC).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> secret : secrets.entrySet()) {
            for (JWSAlgorithm alg : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512)) {
                String header = "{\"alg\":\"" + alg.getName() + "\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\"}";
                String token = JoseKit.signRaw(header, claims(c -> c).toString(), new MACSigner(secret.getValue()), alg);
                assertRefused(alg + " keyed with the RSA public key as " + secret.getKey(), token,
                        "algorithm not allowed");
            }
        }
    }

    @Test
    void whenSignedWithAnAlgorithmOutsideTheAllowListThen401() {
        assertRefused("PS256 by the issuer's own key (not in the allow-list)",
                token(RSA, JWSAlgorithm.PS256, h -> h, c -> c), "algorithm not allowed");
        assertRefused("RS256 header naming the EC key", token(IMPOSTOR, JWSAlgorithm.RS256, h -> h.keyID("k-ec"), c -> c));
    }

    // ---- keys carried by the token --------------------------------------------------------------------------------

    @Test
    void whenTokenCarriesItsOwnKeyThen401AndNothingIsFetched() throws CertificateEncodingException {
        assertRefused("embedded jwk, attacker kid",
                token(ATTACKER, JWSAlgorithm.RS256, h -> h.jwk(ATTACKER.toPublicJWK()), c -> c));
        assertRefused("embedded jwk, issuer kid",
                token(IMPOSTOR, JWSAlgorithm.RS256, h -> h.jwk(IMPOSTOR.toPublicJWK()), c -> c));
        assertRefused("embedded jwk, no kid",
                token(IMPOSTOR, JWSAlgorithm.RS256, h -> h.keyID(null).jwk(IMPOSTOR.toPublicJWK()), c -> c));
        assertRefused("jku to the attacker's JWKS",
                token(ATTACKER, JWSAlgorithm.RS256, h -> h.jwkURL(URI.create(SERVER.url("/attacker/jwks.json"))), c -> c));

        List<Base64> chain = List.of(Base64.encode(CERTIFICATE.certificate().getEncoded()));
        RSAKey certificateKey = new RSAKey.Builder((RSAPublicKey) CERTIFICATE.certificate().getPublicKey())
                .privateKey(CERTIFICATE.privateKey()).keyID("evil-x5").build();
        assertRefused("x5u to the attacker's certificate", token(certificateKey, JWSAlgorithm.RS256,
                h -> h.keyID(null).x509CertURL(URI.create(SERVER.url("/attacker/cert.pem"))), c -> c));
        assertRefused("x5c with the attacker's certificate",
                token(certificateKey, JWSAlgorithm.RS256, h -> h.keyID(null).x509CertChain(chain), c -> c));
        assertRefused("x5c with the attacker's certificate, issuer kid",
                token(certificateKey, JWSAlgorithm.RS256, h -> h.keyID("k-rsa").x509CertChain(chain), c -> c));
        assertEquals(0, SERVER.hits("/attacker/jwks.json") + SERVER.hits("/attacker/cert.pem"));
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
            assertRefused(name, token(RSA, JWSAlgorithm.RS256, h -> h.keyID(kid), c -> c));
        }
        String payload = claims(c -> c).toString();
        for (String kid : List.of("[\"k-rsa\"]", "{\"$ne\":null}", "1", "true")) {
            assertRefused("kid as JSON " + kid, JoseKit.signRaw("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":" + kid + "}",
                    payload, JoseKit.signer(RSA), JWSAlgorithm.RS256));
        }
        // "kid": null reads as no kid (RFC 7515 §4.1.4 makes kid optional): only the signature decides
        assertRefused("kid as JSON null, forged", JoseKit.signRaw("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":null}",
                payload, JoseKit.signer(IMPOSTOR), JWSAlgorithm.RS256));
        assertJwksFetchesRateLimited();
    }

    // ---- ECDSA ----------------------------------------------------------------------------------------------------

    @Test
    void whenEcdsaSignatureIsZeroOrTheGroupOrderThen401() {
        String token = validEc();
        byte[] n = HexFormat.of().parseHex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
        byte[] nn = new byte[64];
        System.arraycopy(n, 0, nn, 0, 32);
        System.arraycopy(n, 0, nn, 32, 32);
        assertRefused("ES256 r=s=0 (CVE-2022-21449)", withSignature(token, new byte[64]));
        assertRefused("ES256 r=s=n", withSignature(token, nn));
        assertRefused("ES256 r=s=0 DER-encoded", withSignature(token, HexFormat.of().parseHex("3006020100020100")));
        assertRefused("ES256 one zero byte", withSignature(token, new byte[1]));
    }

    @Test
    void whenEcdsaSignatureIsDerInsteadOfP1363Then401() throws JOSEException {
        String token = validEc();
        assertEquals(200, send(token).statusCode());
        byte[] p1363 = new Base64URL(JoseKit.parts(token)[2]).decode();
        assertRefused("ES256 valid signature, DER-encoded", withSignature(token, ECDSA.transcodeSignatureToDER(p1363)));
    }

    // ---- encoding -------------------------------------------------------------------------------------------------

    @Test
    void whenBase64urlIsNotCanonicalThen401() {
        String token = validRsa();
        assertRefused("padding '=' after the signature", token + "=", "malformed token");
        assertRefused("padding '==' after the signature", token + "==", "malformed token");
        String withUrlChars = validRsa();
        for (int i = 0; i < 20 && !JoseKit.parts(withUrlChars)[2].matches(".*[-_].*"); i++) {
            withUrlChars = validRsa();
        }
        assertRefused("'+' and '/' instead of '-' and '_'",
                withUrlChars.replace('-', '+').replace('_', '/'), "malformed token");
        // 256 signature bytes are 342 characters: the last one carries 4 unused bits, which must be zero
        assertRefused("trailing bits set in the RS256 signature", setTrailingBit(validRsa()), "malformed token");
        // 64 signature bytes are 86 characters: the same
        assertRefused("trailing bits set in the ES256 signature", setTrailingBit(validEc()), "malformed token");
    }

    private static String setTrailingBit(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(token.charAt(token.length() - 1));
        assertEquals(0, last & 0x0F, "a canonical last character has its 4 unused bits clear");
        return token.substring(0, token.length() - 1) + alphabet.charAt(last | 0x01);
    }

    /**
     * Padding inside a part and whitespace inside the token fall outside RFC 6750 §2.1's {@code b64token} syntax: the
     * request itself is malformed, which is 400 {@code invalid_request} (RFC 6750 §3.1), still never a 200 or a 500.
     */
    @Test
    void whenPaddingInsideOrWhitespaceInsideTheTokenThen400InvalidRequest() {
        String[] parts = JoseKit.parts(validRsa());
        for (Map.Entry<String, String> bad : Map.of(
                "padding '=' after the header", parts[0] + "=." + parts[1] + "." + parts[2],
                "space inside the token", parts[0] + "." + parts[1] + ". " + parts[2],
                "tab inside the token", parts[0] + ".\t" + parts[1] + "." + parts[2]).entrySet()) {
            attack(bad.getKey(), bad::getValue, response -> {
                assertEquals(400, response.statusCode(), bad.getKey() + ": " + response.body());
                assertEquals("Bearer realm=\"api\", error=\"invalid_request\", error_description=\"malformed bearer token\"",
                        response.headers().firstValue("WWW-Authenticate").orElse(""), bad.getKey());
                assertProblem(bad.getKey(), response, "invalid_request");
            });
        }
    }

    // ---- JSON -----------------------------------------------------------------------------------------------------

    @Test
    void whenJsonMembersAreDuplicatedThen401() {
        String payload = claims(c -> c).toString();
        for (String header : List.of(
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"alg\":\"RS256\"}",
                "{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"alg\":\"RS256\"}",
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"alg\":\"none\"}",
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k-rsa\",\"typ\":\"at+jwt\"}")) {
            assertRefused("duplicate header member " + header,
                    JoseKit.signRaw(header, payload, JoseKit.signer(RSA), JWSAlgorithm.RS256));
        }
        long future = Instant.now().plusSeconds(600).getEpochSecond();
        long past = Instant.now().minusSeconds(600).getEpochSecond();
        Map<String, String> payloads = Map.of(
                "duplicate sub", openPayload(c -> c.subject("alice")) + ",\"sub\":\"admin\"}",
                "duplicate exp (past, then future)", openPayload(c -> c.expirationTime(new Date(past * 1000)))
                        + ",\"exp\":" + future + "}",
                "duplicate exp (future, then past)", openPayload(c -> c) + ",\"exp\":" + past + "}",
                "duplicate iss", openPayload(c -> c.issuer("https://evil.test")) + ",\"iss\":\"" + ISSUER + "\"}");
        for (Map.Entry<String, String> p : payloads.entrySet()) {
            assertRefused(p.getKey(), JoseKit.signRaw(rsaHeader(), p.getValue(), JoseKit.signer(RSA), JWSAlgorithm.RS256));
        }
    }

    @Test
    void whenClaimIsDeeplyNestedThenRefusedWithout500() {
        // 100 000 nested arrays: ~270 KB of token, far above any header limit
        String deep = openPayload(c -> c) + ",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        String huge = JoseKit.signRaw(rsaHeader(), deep, JoseKit.signer(RSA), JWSAlgorithm.RS256);
        attack("100 000 nested arrays (270 KB token)", () -> huge, response -> {
            // 431: Jetty's 8 KiB request-header limit answers before any application code runs
            assertTrue(response.statusCode() == 431 || response.statusCode() == 401, "status " + response.statusCode());
            if (response.statusCode() == 401) {
                assertInvalidToken("100 000 nested arrays", response, "token too large");
            }
        });
        // As deep as the 4096-byte bound lets through: the parser (which runs before the signature check) copes
        String nested = openPayload(c -> c) + ",\"x\":" + "[".repeat(1100) + "]".repeat(1100) + "}";
        assertRefused("1100 nested arrays in the payload, forged",
                JoseKit.signRaw(rsaHeader(), nested, JoseKit.signer(IMPOSTOR), JWSAlgorithm.RS256));
        String nestedHeader = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"x\":"
                + "[".repeat(1100) + "]".repeat(1100) + "}";
        assertRefused("1100 nested arrays in the header, forged",
                JoseKit.signRaw(nestedHeader, claims(c -> c).toString(), JoseKit.signer(IMPOSTOR), JWSAlgorithm.RS256));
        String objects = openPayload(c -> c) + ",\"x\":" + "{\"a\":".repeat(350) + "1" + "}".repeat(350) + "}";
        assertRefused("350 nested objects in the payload, forged",
                JoseKit.signRaw(rsaHeader(), objects, JoseKit.signer(IMPOSTOR), JWSAlgorithm.RS256));
    }

    // ---- structure and header rules ----------------------------------------------------------------------------

    @Test
    void whenJweWhereJwsExpectedThen401() throws JOSEException {
        EncryptedJWT jwe = new EncryptedJWT(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID("k-rsa").type(AT_JWT).build(), claims(c -> c));
        jwe.encrypt(new RSAEncrypter(RSA));
        String token = jwe.serialize();
        dev.latchkey.tck.logs.LogCapture.secret(token);
        assertRefused("JWE (five parts) encrypted to the issuer's key", token, "malformed token");
        String jweHeader = JoseKit.b64("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\"k-rsa\"}");
        String[] parts = JoseKit.parts(validRsa());
        assertRefused("JWE header on a three-part token", jweHeader + "." + parts[1] + "." + parts[2]);
    }

    @Test
    void whenCritNamesAnUnknownHeaderThen401() {
        assertRefused("crit with an unknown extension", token(RSA, JWSAlgorithm.RS256,
                h -> h.customParam("urn:example:unknown", true).criticalParams(Set.of("urn:example:unknown")),
                c -> c), "malformed token");
        String payload = claims(c -> c).toString();
        assertRefused("crit b64=false", JoseKit.signRaw(
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"b64\":false,\"crit\":[\"b64\"]}",
                payload, JoseKit.signer(RSA), JWSAlgorithm.RS256));
        assertRefused("crit naming a registered header", JoseKit.signRaw(
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"crit\":[\"kid\"]}",
                payload, JoseKit.signer(RSA), JWSAlgorithm.RS256));
        assertRefused("crit naming an absent header", JoseKit.signRaw(
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"crit\":[\"exp\"]}",
                payload, JoseKit.signer(RSA), JWSAlgorithm.RS256));
    }

    /**
     * RFC 7515 §4.1.11: producers MUST NOT send {@code "crit": []}; recipients MAY refuse it. Latchkey's rule is "any
     * {@code crit} header refused", but {@code JwtVerifier#parse} only refuses a non-empty one (Nimbus parses
     * {@code []} to an empty set, not to null). Low severity: the token must still be signed by a trusted key.
     */
    @Test
    @Disabled("defect: JwtVerifier#parse accepts \"crit\": [] (checks critical != null && !critical.isEmpty()); "
            + "fix: refuse when getCriticalParams() != null")
    void whenCritIsEmptyThen401() {
        assertRefused("crit empty (RFC 7515 §4.1.11: MUST NOT be [])", JoseKit.signRaw(
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"crit\":[]}",
                claims(c -> c).toString(), JoseKit.signer(RSA), JWSAlgorithm.RS256), "malformed token");
    }

    @Test
    void whenTypIsNotTheConfiguredOneThen401WrongTokenType() {
        assertRefused("typ JWT (at+jwt configured)",
                token(RSA, JWSAlgorithm.RS256, h -> h.type(JOSEObjectType.JWT), c -> c), "wrong token type");
        assertRefused("typ absent (at+jwt configured)",
                token(RSA, JWSAlgorithm.RS256, h -> h.type(null), c -> c), "wrong token type");
        assertRefused("typ id_token+jwt (at+jwt configured)",
                token(RSA, JWSAlgorithm.RS256, h -> h.type(new JOSEObjectType("id_token+jwt")), c -> c),
                "wrong token type");
    }

    @Test
    void whenTokenExceedsTheSizeBoundThen401TokenTooLarge() {
        String token = token(RSA, JWSAlgorithm.RS256, h -> h, c -> c.claim("pad", "p".repeat(3500)));
        assertTrue(token.length() > 4096 && token.length() < 7000, "length " + token.length());
        assertRefused("valid token of " + token.length() / 1000 + " KB (bound 4096 bytes)", token, "token too large");
    }

    @Test
    void whenIssuedInTheFutureThen401NotYetValid() {
        assertRefused("iat one hour ahead", token(RSA, JWSAlgorithm.RS256, h -> h,
                c -> c.issueTime(Date.from(Instant.now().plusSeconds(3600)))), "token not yet valid");
    }
}

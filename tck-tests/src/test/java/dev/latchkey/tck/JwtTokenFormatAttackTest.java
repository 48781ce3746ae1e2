package dev.latchkey.tck;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jwt.EncryptedJWT;
import dev.latchkey.tck.logs.SuiteLog;
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

import java.net.URL;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacker's checklist (RFC 8725, issue 4) on the token's form — base64url, JSON, nesting, structure, header
 * rules, size, time claims — against a WAR on embedded Jetty over HTTP. Every case is a 401 {@code invalid_token}
 * with an RFC 9457 body (a request outside the RFC 6750 token syntax is a 400 {@code invalid_request}), never a 200 or
 * a 500. The last test replays every case {@value AttackHarness#REPEAT} times and prints the latencies
 * ({@code target/jwt-format-latency.txt}).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JwtTokenFormatAttackTest {

    private static final AttackHarness HARNESS = new AttackHarness("JwtTokenFormatAttackTest");
    private static final AttackTokens T = HARNESS.tokens;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("jwt-format", HARNESS.config(), "FixtureApplication", "FixtureResource");
    }

    @ArquillianResource
    URL base;

    @AfterAll
    static void report() {
        HARNESS.close("jwt-format-latency.txt");
    }

    private void refused(String name, String token, String description) {
        HARNESS.refused(base, name, token, description);
    }

    private void refused(String name, String token) {
        HARNESS.refused(base, name, token);
    }

    /** A well-signed but odd token: accepted (200) or refused (401 invalid_token), never a 500. */
    private void tolerated(String name, String token) {
        HARNESS.attack(base, name, () -> token, response -> {
            assertTrue(response.statusCode() == 200 || response.statusCode() == 401,
                    name + ": " + response.statusCode() + " " + response.body());
            if (response.statusCode() == 401) {
                AttackHarness.assertInvalidToken(name, response, null);
            }
        });
    }

    /** The control: without it, a broken deployment that refuses everything would pass every other test. */
    @Test
    void whenValidTokenThen200() {
        HARNESS.attack(base, "control: valid RS256, fresh token", T::validRsa, response -> {
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("alice admin=false", response.body());
        });
    }

    @Test
    void whenBase64urlIsNotCanonicalThen401() {
        String token = T.validRsa();
        refused("padding '=' after the signature", token + "=", "malformed token");
        refused("padding '==' after the signature", token + "==", "malformed token");
        String withUrlChars = T.validRsa();
        for (int i = 0; i < 20 && !JoseKit.parts(withUrlChars)[2].matches(".*[-_].*"); i++) {
            withUrlChars = T.validRsa();
        }
        refused("'+' and '/' instead of '-' and '_'", withUrlChars.replace('-', '+').replace('_', '/'),
                "malformed token");
        // 256 signature bytes are 342 characters (64 bytes 86): the last one carries 4 unused bits, which must be zero
        refused("trailing bits set in the RS256 signature", AttackTokens.setTrailingBit(T.validRsa()), "malformed token");
        refused("trailing bits set in the ES256 signature", AttackTokens.setTrailingBit(T.validEc()), "malformed token");
    }

    /**
     * Padding inside a part and whitespace inside the token fall outside RFC 6750 §2.1's {@code b64token} syntax: the
     * request itself is malformed, which is 400 {@code invalid_request} (RFC 6750 §3.1), still never a 200 or a 500.
     */
    @Test
    void whenPaddingInsideOrWhitespaceInsideTheTokenThen400InvalidRequest() {
        String[] parts = JoseKit.parts(T.validRsa());
        for (Map.Entry<String, String> bad : Map.of(
                "padding '=' after the header", parts[0] + "=." + parts[1] + "." + parts[2],
                "space inside the token", parts[0] + "." + parts[1] + ". " + parts[2],
                "tab inside the token", parts[0] + ".\t" + parts[1] + "." + parts[2]).entrySet()) {
            HARNESS.attack(base, bad.getKey(), bad::getValue, response -> {
                assertEquals(400, response.statusCode(), bad.getKey() + ": " + response.body());
                assertEquals("Bearer realm=\"api\", error=\"invalid_request\", error_description=\"malformed bearer token\"",
                        response.headers().firstValue("WWW-Authenticate").orElse(""), bad.getKey());
                AttackHarness.assertProblem(bad.getKey(), response, "invalid_request");
            });
        }
    }

    @Test
    void whenJsonMembersAreDuplicatedThen401() {
        String payload = T.claims(c -> c).toString();
        for (String header : List.of(
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"alg\":\"RS256\"}",
                "{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"alg\":\"RS256\"}",
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"alg\":\"none\"}",
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k-rsa\",\"typ\":\"at+jwt\"}")) {
            refused("duplicate header member " + header, T.signedRs256(header, payload, T.rsa));
        }
        long future = Instant.now().plusSeconds(600).getEpochSecond();
        long past = Instant.now().minusSeconds(600).getEpochSecond();
        Map<String, String> payloads = Map.of(
                "duplicate sub", T.openPayload(c -> c.subject("alice")) + ",\"sub\":\"admin\"}",
                "duplicate exp (past, then future)", T.openPayload(c -> c.expirationTime(new Date(past * 1000)))
                        + ",\"exp\":" + future + "}",
                "duplicate exp (future, then past)", T.openPayload(c -> c) + ",\"exp\":" + past + "}",
                "duplicate iss", T.openPayload(c -> c.issuer("https://evil.test")) + ",\"iss\":\""
                        + AttackTokens.ISSUER + "\"}");
        for (Map.Entry<String, String> p : payloads.entrySet()) {
            refused(p.getKey(), T.signedRs256(T.rsaHeader(), p.getValue(), T.rsa));
        }
    }

    @Test
    void whenClaimIsDeeplyNestedThenRefusedWithout500() {
        // 100 000 nested arrays: ~270 KB of token, far above any header limit
        String deep = T.openPayload(c -> c) + ",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        String huge = T.signedRs256(T.rsaHeader(), deep, T.rsa);
        HARNESS.attack(base, "100 000 nested arrays (270 KB token)", () -> huge, response -> {
            // 431: Jetty's 8 KiB request-header limit answers before any application code runs
            assertTrue(response.statusCode() == 431 || response.statusCode() == 401, "status " + response.statusCode());
            if (response.statusCode() == 401) {
                AttackHarness.assertInvalidToken("100 000 nested arrays", response, "token too large");
            }
        });
        // As deep as the 4096-byte bound lets through: the parser, which runs before the signature check, copes
        String nested = T.openPayload(c -> c) + ",\"x\":" + "[".repeat(1100) + "]".repeat(1100) + "}";
        refused("1100 nested arrays in the payload, forged", T.signedRs256(T.rsaHeader(), nested, T.impostor));
        String nestedHeader = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"x\":"
                + "[".repeat(1100) + "]".repeat(1100) + "}";
        refused("1100 nested arrays in the header, forged",
                T.signedRs256(nestedHeader, T.claims(c -> c).toString(), T.impostor));
        String objects = T.openPayload(c -> c) + ",\"x\":" + "{\"a\":".repeat(350) + "1" + "}".repeat(350) + "}";
        refused("350 nested objects in the payload, forged", T.signedRs256(T.rsaHeader(), objects, T.impostor));
        // The same depths signed by the issuer's real key: past the signature, mapping copes too (200 or 401, no 500)
        tolerated("1100 nested arrays in the payload, signed by the issuer",
                T.signedRs256(T.rsaHeader(), nested, T.rsa));
        tolerated("350 nested objects in the payload, signed by the issuer",
                T.signedRs256(T.rsaHeader(), objects, T.rsa));
    }

    @Test
    void whenJweWhereJwsExpectedThen401() throws JOSEException {
        EncryptedJWT jwe = new EncryptedJWT(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID("k-rsa").type(new JOSEObjectType(AttackTokens.TYP)).build(), T.claims(c -> c));
        jwe.encrypt(new RSAEncrypter(T.rsa));
        String token = jwe.serialize();
        SuiteLog.secret(token);
        refused("JWE (five parts) encrypted to the issuer's key", token, "malformed token");
        String jweHeader = JoseKit.b64("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"kid\":\"k-rsa\"}");
        String[] parts = JoseKit.parts(T.validRsa());
        refused("JWE header on a three-part token", jweHeader + "." + parts[1] + "." + parts[2]);
    }

    @Test
    void whenCritNamesAnyHeaderThen401() {
        refused("crit with an unknown extension", T.token(T.rsa, JWSAlgorithm.RS256,
                h -> h.customParam("urn:example:unknown", true).criticalParams(Set.of("urn:example:unknown")),
                c -> c), "malformed token");
        String payload = T.claims(c -> c).toString();
        refused("crit b64=false", T.signedRs256(
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"b64\":false,\"crit\":[\"b64\"]}", payload, T.rsa));
        refused("crit naming a registered header", T.signedRs256(
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"crit\":[\"kid\"]}", payload, T.rsa));
        refused("crit naming an absent header", T.signedRs256(
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"crit\":[\"exp\"]}", payload, T.rsa));
    }

    /**
     * RFC 7515 §4.1.11: producers MUST NOT send {@code "crit": []}; recipients MAY refuse it. Latchkey's rule is "any
     * {@code crit} header refused", but {@code JwtVerifier#parse} only refuses a non-empty one (Nimbus parses
     * {@code []} to an empty set, not to null). Low severity: the token must still be signed by a trusted key.
     */
    @Test
    void whenCritIsEmptyThen401() {
        refused("crit empty (RFC 7515 §4.1.11: MUST NOT be [])", T.signedRs256(
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"k-rsa\",\"crit\":[]}", T.claims(c -> c).toString(),
                T.rsa), "malformed token");
    }

    @Test
    void whenTypIsNotTheConfiguredOneThen401WrongTokenType() {
        refused("typ JWT (at+jwt configured)",
                T.token(T.rsa, JWSAlgorithm.RS256, h -> h.type(JOSEObjectType.JWT), c -> c), "wrong token type");
        refused("typ absent (at+jwt configured)",
                T.token(T.rsa, JWSAlgorithm.RS256, h -> h.type(null), c -> c), "wrong token type");
        refused("typ id_token+jwt (at+jwt configured)",
                T.token(T.rsa, JWSAlgorithm.RS256, h -> h.type(new JOSEObjectType("id_token+jwt")), c -> c),
                "wrong token type");
    }

    @Test
    void whenTokenExceedsTheSizeBoundThen401TokenTooLarge() {
        String token = T.token(T.rsa, JWSAlgorithm.RS256, h -> h, c -> c.claim("pad", "p".repeat(3500)));
        assertTrue(token.length() > 4096 && token.length() < 7000, "length " + token.length());
        refused("valid token of " + token.length() / 1000 + " KB (bound 4096 bytes)", token, "token too large");
    }

    @Test
    void whenIssuedInTheFutureThen401NotYetValid() {
        refused("iat one hour ahead", T.token(T.rsa, JWSAlgorithm.RS256, h -> h,
                c -> c.issueTime(Date.from(Instant.now().plusSeconds(3600)))), "token not yet valid");
    }

    /** Every case again, timed: still refused, and nothing fetched but the JWKS. */
    @Test
    @Order(Integer.MAX_VALUE)
    void whenEveryAttackIsReplayedThenStillRefused() {
        HARNESS.replay(base);
    }
}

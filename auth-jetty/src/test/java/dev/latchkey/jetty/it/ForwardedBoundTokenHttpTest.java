package dev.latchkey.jetty.it;

import dev.latchkey.devcerts.DevCertificates.Issued;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.jwt.TestIssuer;
import dev.latchkey.test.pki.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.header;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 over real HTTP: RFC 8705 certificate-bound tokens whose certificate a trusted proxy forwards (XFCC, default
 * {@code single}). An attacker holding a victim's token and the victim's <em>public</em> certificate cannot satisfy
 * the binding by prepending the victim's element to the header a proxy appends to; a forwarded certificate the CRL
 * revokes does not satisfy it either.
 */
class ForwardedBoundTokenHttpTest {

    private static final String XFCC = "X-Forwarded-Client-Cert";
    private static final String VICTIM = "spiffe://it.example/ns/orders/sa/victim";
    private static final String ATTACKER = "spiffe://it.example/ns/orders/sa/attacker";

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static TestIssuer tokens;
    private static Issued revoked;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(dir);
        tokens = TestServer.issuer();
        revoked = pki.spiffeClient(VICTIM);
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "jwt",
                "mp.jwt.verify.publickey", tokens.publicJwks(),
                "mp.jwt.verify.issuer", TestServer.ISSUER,
                "latchkey.trusted-proxies", "127.0.0.0/8",
                "latchkey.client-cert.trust-anchors", pki.caPem("anchors.pem").toString(),
                "latchkey.client-cert.crl-file", pki.crl("ca.crl", revoked.certificate()).toString()), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> orders(String token, String xfcc) throws Exception {
        return get(server.http("/orders"), "Authorization", "Bearer " + token, XFCC, xfcc);
    }

    @Test
    void whenBoundTokenComesWithItsForwardedCertificateThen200() throws Exception {
        Issued holder = pki.spiffeClient(VICTIM);
        String token = tokens.token().subject("holder").scope("orders:read").boundTo(holder.certificate()).sign();
        HttpResponse<String> ok = orders(token, TestPki.xfcc(holder.certificate(), VICTIM));
        assertEquals(200, ok.statusCode(), ok.body());
    }

    @Test
    void whenAttackerForwardsTheVictimsPublicCertificateInFrontOfItsOwnThenRefused() throws Exception {
        Issued victim = pki.spiffeClient(VICTIM);
        Issued attacker = pki.spiffeClient(ATTACKER);
        String stolen = tokens.token().subject("victim").scope("orders:read").boundTo(victim.certificate()).sign();
        HttpResponse<String> refused = orders(stolen,
                TestPki.xfcc(victim.certificate(), VICTIM) + "," + TestPki.xfcc(attacker.certificate(), ATTACKER));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("invalid_request", json(refused).getString("error"));
    }

    @Test
    void whenForwardedCertificateIsRevokedThen401() throws Exception {
        String token = tokens.token().subject("victim").scope("orders:read").boundTo(revoked.certificate()).sign();
        HttpResponse<String> refused = orders(token, TestPki.xfcc(revoked.certificate(), VICTIM));
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("invalid_token", json(refused).getString("error"));
        assertEquals("certificate revoked", json(refused).getString("detail"));
        String challenge = header(refused, "WWW-Authenticate");
        assertTrue(challenge != null && challenge.startsWith("Bearer ") && challenge.contains("invalid_token"),
                String.valueOf(challenge));
    }
}

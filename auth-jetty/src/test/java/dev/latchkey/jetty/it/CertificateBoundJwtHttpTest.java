package dev.latchkey.jetty.it;

import dev.latchkey.devcerts.DevCertificates.Issued;
import dev.latchkey.jetty.LatchkeyJetty;
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
 * Issue 6 over real mutual TLS: RFC 8705 certificate-bound access tokens ({@code cnf.x5t#S256}). The verification key
 * is configured inline ({@code mp.jwt.verify.publickey} holding a JWKS), tokens are signed at test time.
 */
class CertificateBoundJwtHttpTest {

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static TestIssuer tokens;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(dir);
        tokens = TestServer.issuer();
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "jwt",
                "mp.jwt.verify.publickey", tokens.publicJwks(),
                "mp.jwt.verify.issuer", TestServer.ISSUER), TestServer.tls(pki, LatchkeyJetty.ClientAuth.WANT));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> orders(Issued clientCert, String token) throws Exception {
        return get(pki.httpClient(clientCert), server.https("/orders"), "Authorization", "Bearer " + token);
    }

    @Test
    void whenBoundTokenComesWithItsCertificateThen200() throws Exception {
        Issued holder = pki.spiffeClient("spiffe://it.example/ns/orders/sa/holder");
        String token = tokens.token().subject("holder").scope("orders:read").boundTo(holder.certificate()).sign();
        HttpResponse<String> ok = orders(holder, token);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("orders for holder", ok.body());
    }

    @Test
    void whenBoundTokenComesWithAnotherCertificateThen401InvalidToken() throws Exception {
        Issued holder = pki.spiffeClient("spiffe://it.example/ns/orders/sa/holder");
        Issued thief = pki.spiffeClient("spiffe://it.example/ns/orders/sa/holder"); // same name, other key
        String token = tokens.token().subject("holder").scope("orders:read").boundTo(holder.certificate()).sign();
        assertRefused(orders(thief, token), "token is bound to another client certificate");
    }

    @Test
    void whenBoundTokenComesWithoutACertificateThen401InvalidToken() throws Exception {
        Issued holder = pki.spiffeClient("spiffe://it.example/ns/orders/sa/holder");
        String token = tokens.token().subject("holder").scope("orders:read").boundTo(holder.certificate()).sign();
        assertRefused(orders(null, token), "token is bound to a client certificate");
    }

    @Test
    void whenTokenIsUnboundThenNoCertificateIsNeeded() throws Exception {
        HttpResponse<String> ok = orders(null, tokens.token().subject("plain").scope("orders:read").sign());
        assertEquals(200, ok.statusCode(), ok.body());
    }

    private static void assertRefused(HttpResponse<String> response, String description) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("invalid_token", json(response).getString("error"));
        assertEquals(description, json(response).getString("detail"));
        String challenge = header(response, "WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer ") && challenge.contains("error=\"invalid_token\""), challenge);
    }
}

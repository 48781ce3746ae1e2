package dev.latchkey.jetty.it;

import dev.latchkey.devcerts.DevCertificates.Issued;
import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.jetty.it.fixtures.Pki;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.jetty.it.fixtures.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static dev.latchkey.jetty.it.fixtures.Http.get;
import static dev.latchkey.jetty.it.fixtures.Http.header;
import static dev.latchkey.jetty.it.fixtures.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6 over real mutual TLS: RFC 8705 certificate-bound access tokens ({@code cnf.x5t#S256}). The verification key
 * is configured inline ({@code mp.jwt.verify.publickey} holding a JWKS), tokens are signed at test time.
 */
class CertificateBoundJwtHttpTest {

    @TempDir
    static Path dir;
    private static Pki pki;
    private static Tokens tokens;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        pki = Pki.create(dir);
        tokens = Tokens.generate();
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "jwt",
                "mp.jwt.verify.publickey", tokens.publicJwks(),
                "mp.jwt.verify.issuer", Tokens.ISSUER), pki.tls(LatchkeyJetty.ClientAuth.WANT));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> orders(Issued clientCert, String token) throws Exception {
        return get(pki.client(clientCert), server.https("/orders"), "Authorization", "Bearer " + token);
    }

    @Test
    void whenBoundTokenComesWithItsCertificateThen200() throws Exception {
        Issued holder = pki.spiffeClient("spiffe://it.example/ns/orders/sa/holder");
        String token = tokens.token("holder", "orders:read", Tokens.boundTo(holder.certificate()));
        HttpResponse<String> ok = orders(holder, token);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("orders for holder", ok.body());
    }

    @Test
    void whenBoundTokenComesWithAnotherCertificateThen401InvalidToken() throws Exception {
        Issued holder = pki.spiffeClient("spiffe://it.example/ns/orders/sa/holder");
        Issued thief = pki.spiffeClient("spiffe://it.example/ns/orders/sa/holder"); // same name, other key
        String token = tokens.token("holder", "orders:read", Tokens.boundTo(holder.certificate()));
        assertRefused(orders(thief, token), "token is bound to another client certificate");
    }

    @Test
    void whenBoundTokenComesWithoutACertificateThen401InvalidToken() throws Exception {
        Issued holder = pki.spiffeClient("spiffe://it.example/ns/orders/sa/holder");
        String token = tokens.token("holder", "orders:read", Tokens.boundTo(holder.certificate()));
        assertRefused(orders(null, token), "token is bound to a client certificate");
    }

    @Test
    void whenTokenIsUnboundThenNoCertificateIsNeeded() throws Exception {
        HttpResponse<String> ok = orders(null, tokens.token("plain", "orders:read", Map.of()));
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

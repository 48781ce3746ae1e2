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
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 12 over real HTTP: {@code latchkey.client-cert.forwarded-element = last} behind a proxy that appends (Envoy
 * {@code APPEND_FORWARD}): the right-most XFCC element, the one the trusted hop added, is the client's; whatever the
 * client wrote on its left is never used, whether to become another caller or to satisfy another's bound token.
 */
class ForwardedElementLastHttpTest {

    private static final String XFCC = "X-Forwarded-Client-Cert";
    private static final String READER = "spiffe://it.example/ns/orders/sa/reader";
    private static final String ADMIN = "spiffe://it.example/ns/ops/sa/admin";

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
                "latchkey.mechanisms", "jwt,client-cert",
                "mp.jwt.verify.publickey", tokens.publicJwks(),
                "mp.jwt.verify.issuer", TestServer.ISSUER,
                "latchkey.client-cert.trust-domains", "it.example",
                "latchkey.trusted-proxies", "127.0.0.0/8",
                "latchkey.client-cert.trust-anchors", pki.caPem("anchors.pem").toString(),
                "latchkey.client-cert.forwarded-element", "last"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void whenClientPrependsAnElementThenTheRightMostElementIsTheCaller() throws Exception {
        Issued admin = pki.spiffeClient(ADMIN);
        Issued client = pki.spiffeClient(READER);
        HttpResponse<String> me = get(server.http("/me"), XFCC,
                TestPki.xfcc(admin.certificate(), ADMIN) + "," + TestPki.xfcc(client.certificate(), READER));
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(READER, json(me).getString("name"));
    }

    @Test
    void whenAttackerPrependsTheVictimsPublicCertificateToTheVictimsBoundTokenThen401() throws Exception {
        Issued victim = pki.spiffeClient(READER);
        Issued attacker = pki.spiffeClient(ADMIN);
        String stolen = tokens.token().subject("victim").scope("orders:read").boundTo(victim.certificate()).sign();
        HttpResponse<String> refused = get(server.http("/orders"), "Authorization", "Bearer " + stolen, XFCC,
                TestPki.xfcc(victim.certificate(), READER) + "," + TestPki.xfcc(attacker.certificate(), ADMIN));
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("invalid_token", json(refused).getString("error"));
        assertEquals("token is bound to another client certificate", json(refused).getString("detail"));
    }

    @Test
    void whenTwoHeaderLinesThenStill400() throws Exception {
        Issued admin = pki.spiffeClient(ADMIN);
        Issued client = pki.spiffeClient(READER);
        HttpResponse<String> refused = get(server.http("/me"), XFCC, TestPki.xfcc(admin.certificate(), ADMIN),
                XFCC, TestPki.xfcc(client.certificate(), READER));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("invalid_request", json(refused).getString("error"));
    }
}

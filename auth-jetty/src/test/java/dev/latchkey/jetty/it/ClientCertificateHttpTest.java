package dev.latchkey.jetty.it;

import dev.latchkey.auth.basic.UserFileAdmin;
import dev.latchkey.devcerts.DevCertificates.Issued;
import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.jetty.it.fixtures.TestClockProducer;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.log.LogCapture;
import dev.latchkey.test.pki.TestPki;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.latchkey.test.http.Http.basic;
import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.header;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6 over real mutual TLS (client certificate wanted, chain checked by the TLS layer against the test CA):
 * SPIFFE IDs mapped to groups and scopes through a mapping file with a path pattern, trust-domain allowlist, validity
 * against Latchkey's clock, CRL revocation, no certificate.
 */
class ClientCertificateHttpTest {

    private static final String READER = "spiffe://it.example/ns/orders/sa/reader";

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static Issued revoked;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(dir);
        revoked = pki.spiffeClient("spiffe://it.example/ns/orders/sa/stolen");
        Path mapping = Files.writeString(dir.resolve("mapping.json"), """
                {
                  "spiffe://it.example/ns/orders/*": {"groups": ["orders"], "scopes": ["orders:read"]},
                  "spiffe://it.example/ns/ops/sa/admin": {"groups": ["admin"], "scopes": "orders:read orders:write"}
                }
                """);
        Path users = dir.resolve("users.properties");
        UserFileAdmin.of(users).add("bob", "bob's password".toCharArray(), java.util.Set.of());
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "client-cert,basic",
                "latchkey.basic.users-file", users.toString(),
                "latchkey.client-cert.principal", "spiffe",
                "latchkey.client-cert.trust-domains", "it.example",
                "latchkey.client-cert.mapping-file", mapping.toString(),
                "latchkey.client-cert.crl-file", pki.crl("revoked.crl", revoked.certificate()).toString()),
                TestServer.tls(pki, LatchkeyJetty.ClientAuth.WANT));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void realTime() {
        TestClockProducer.CLOCK.reset();
    }

    private static HttpResponse<String> call(Issued client, String path) throws Exception {
        return get(pki.httpClient(client), server.https(path));
    }

    @Test
    void whenSpiffeIdMatchesAMappingPatternThenItsScopesAndGroupsApply() throws Exception {
        Issued reader = pki.spiffeClient(READER);
        HttpResponse<String> me = call(reader, "/me");
        assertEquals(200, me.statusCode(), me.body());
        JsonObject caller = json(me);
        assertEquals(READER, caller.getString("name"));
        assertEquals("client-cert", caller.getString("mechanism"));
        assertEquals("orders", caller.getJsonArray("groups").getString(0));
        assertEquals("orders:read", caller.getJsonArray("scopes").getString(0));
        assertEquals(200, call(reader, "/orders").statusCode());

        HttpResponse<String> admin = call(pki.spiffeClient("spiffe://it.example/ns/ops/sa/admin"), "/me");
        assertEquals(2, json(admin).getJsonArray("scopes").size(), admin.body());
    }

    @Test
    void whenSpiffeIdOutsideEveryMappingThenAuthenticatedWithoutScopes403() throws Exception {
        HttpResponse<String> orders = call(pki.spiffeClient("spiffe://it.example/ns/billing/sa/x"), "/orders");
        assertEquals(403, orders.statusCode(), orders.body());
        assertEquals("insufficient_scope", json(orders).getString("error"));
    }

    @Test
    void whenTrustDomainNotInTheAllowlistThen401() throws Exception {
        HttpResponse<String> refused = call(pki.spiffeClient("spiffe://evil.example/ns/orders/sa/reader"), "/me");
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("invalid_token", json(refused).getString("error"));
        assertEquals("SPIFFE trust domain not accepted", json(refused).getString("detail"));
    }

    @Test
    void whenLeafExpiredByLatchkeysClockThen401() throws Exception {
        Instant now = Instant.now();
        Issued shortLived = pki.spiffeClient(READER, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
        assertEquals(200, call(shortLived, "/me").statusCode());

        // the TLS layer still accepts it; Latchkey's clock does not
        TestClockProducer.CLOCK.advance(Duration.ofHours(2));
        HttpResponse<String> expired = call(shortLived, "/me");
        assertEquals(401, expired.statusCode(), expired.body());
        assertEquals("client certificate expired", json(expired).getString("detail"));
    }

    @Test
    void whenLeafAlreadyExpiredThenTheTlsLayerRefusesItBeforeHttp() throws Exception {
        Instant now = Instant.now();
        Issued expired = pki.spiffeClient(READER, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        assertThrows(UncheckedIOException.class, () -> call(expired, "/me"));
    }

    @Test
    void whenLeafRevokedInTheCrlThen401() throws Exception {
        HttpResponse<String> refused = call(revoked, "/me");
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("certificate revoked", json(refused).getString("detail"));
    }

    @Test
    void whenNoClientCertificateThen401Unauthenticated() throws Exception {
        HttpResponse<String> none;
        String logged;
        try (LogCapture log = LogCapture.latchkey()) {
            none = call(null, "/me");
            logged = log.all();
        }
        assertTrue(logged.contains("challenged: remote=127.0.0.1 path=/api/me"),
                "the CHALLENGE audit event names the client address: " + logged);
        assertEquals(401, none.statusCode(), none.body());
        assertEquals("unauthenticated", json(none).getString("error"));
        String challenge = header(none, "WWW-Authenticate");
        assertTrue(challenge == null || !challenge.contains("error="), "no error code without a credential: "
                + challenge);
    }

    /**
     * Review finding 4: a certificate ahead of Basic in {@code latchkey.mechanisms} never hides a header credential:
     * the Basic credential decides (a wrong password is 401 and counted), the certificate only serves binding.
     */
    @Test
    void whenACertificateComesWithAWrongBasicPasswordThenTheBasicCredentialDecides401() throws Exception {
        Issued reader = pki.spiffeClient(READER);
        HttpResponse<String> wrong = get(pki.httpClient(reader), server.https("/me"),
                "Authorization", basic("bob", "WRONG"));
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertEquals(401, get(pki.httpClient(reader), server.https("/me"),
                "Authorization", basic("nosuchuser", "x")).statusCode());
        HttpResponse<String> right = get(pki.httpClient(reader), server.https("/me"),
                "Authorization", basic("bob", "bob's password"));
        assertEquals(200, right.statusCode(), right.body());
        assertEquals("basic", json(right).getString("mechanism"));
    }
}

package dev.latchkey.jetty.it;

import dev.latchkey.devcerts.DevCertificates.Issued;
import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.log.LogCapture;
import dev.latchkey.test.pki.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6 over real HTTP(S): {@code X-Forwarded-Client-Cert} from an address outside
 * {@code latchkey.trusted-proxies} (10.0.0.0/8; the tests call from 127.0.0.1) is ignored: the TLS
 * certificate of the connection, if any, counts; the ignored header is logged by name, never by value.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UntrustedProxyHttpTest {

    private static final String XFCC = "X-Forwarded-Client-Cert";

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(dir);
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "client-cert",
                "latchkey.client-cert.trust-domains", "it.example",
                "latchkey.trusted-proxies", "10.0.0.0/8"), TestServer.tls(pki, LatchkeyJetty.ClientAuth.WANT));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** First: the warning is logged once per address per 10 minutes, and every test calls from 127.0.0.1. */
    @Test
    @Order(1)
    void whenUntrustedAddressForwardsACertificateThenIgnored401AndLoggedWithoutTheValue() throws Exception {
        Issued forged = pki.spiffeClient("spiffe://it.example/ns/ops/sa/admin");
        String value = TestPki.xfcc(forged.certificate(), "spiffe://it.example/ns/ops/sa/admin");
        HttpResponse<String> refused;
        String logged;
        try (LogCapture log = LogCapture.latchkey()) {
            refused = get(server.http("/me"), XFCC, value);
            logged = log.all();
        }
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("unauthenticated", json(refused).getString("error"));
        assertTrue(logged.contains("ignoring " + XFCC + " header from 127.0.0.1"), logged);
        String certPart = value.substring(value.indexOf("Cert=") + 6, value.indexOf("Cert=") + 86);
        assertFalse(logged.contains(certPart), "the header value must not be logged");
        assertFalse(logged.contains(value.substring(value.indexOf("Hash=") + 5, value.indexOf("Hash=") + 69)));
    }

    @Test
    void whenUntrustedAddressForwardsACertificateOverMtlsThenTheTlsCertificateCounts() throws Exception {
        Issued own = pki.spiffeClient("spiffe://it.example/ns/orders/sa/reader");
        Issued forged = pki.spiffeClient("spiffe://it.example/ns/ops/sa/admin");
        HttpResponse<String> me = get(pki.httpClient(own), server.https("/me"), XFCC,
                TestPki.xfcc(forged.certificate(), "spiffe://it.example/ns/ops/sa/admin"));
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("spiffe://it.example/ns/orders/sa/reader", json(me).getString("name"));
    }
}

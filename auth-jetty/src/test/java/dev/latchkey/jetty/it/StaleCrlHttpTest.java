package dev.latchkey.jetty.it;

import dev.latchkey.devcerts.DevCertificates.Issued;
import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.log.LogCapture;
import dev.latchkey.test.pki.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 12 over real mutual TLS: a CRL past its {@code nextUpdate} (RFC 5280 §5.1.2.5) fails closed by default (503,
 * one warning per interval however many requests), and is used anyway with
 * {@code latchkey.client-cert.crl-stale = accept}.
 */
class StaleCrlHttpTest {

    private static final String READER = "spiffe://it.example/ns/orders/sa/reader";

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static Path staleCrl;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(dir);
        staleCrl = pki.crl("stale.crl", Duration.ofHours(-1));
    }

    private static TestServer server(String crlStale) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of(
                "latchkey.mechanisms", "client-cert",
                "latchkey.client-cert.trust-domains", "it.example",
                "latchkey.client-cert.crl-file", staleCrl.toString()));
        if (crlStale != null) {
            config.put("latchkey.client-cert.crl-stale", crlStale);
        }
        return TestServer.start(config, TestServer.tls(pki, LatchkeyJetty.ClientAuth.WANT));
    }

    @Test
    void whenCrlIsPastItsNextUpdateThen503AndOneWarning() throws Exception {
        Issued client = pki.spiffeClient(READER);
        try (TestServer server = server(null); LogCapture log = LogCapture.latchkey()) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> refused = get(pki.httpClient(client), server.https("/me"));
                assertEquals(503, refused.statusCode(), refused.body());
                assertEquals("temporarily_unavailable", json(refused).getString("error"));
                assertEquals("certificate revocation list out of date", json(refused).getString("detail"));
            }
            assertEquals(1, log.messages().stream().filter(m -> m.contains("past its nextUpdate")).count(),
                    log.all());
        }
    }

    @Test
    void whenStaleCrlsAreAcceptedThen200() throws Exception {
        Issued client = pki.spiffeClient(READER);
        try (TestServer server = server("accept")) {
            HttpResponse<String> me = get(pki.httpClient(client), server.https("/me"));
            assertEquals(200, me.statusCode(), me.body());
            assertEquals(READER, json(me).getString("name"));
        }
    }
}

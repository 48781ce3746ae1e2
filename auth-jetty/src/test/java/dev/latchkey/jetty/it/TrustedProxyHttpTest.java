package dev.latchkey.jetty.it;

import dev.latchkey.devcerts.DevCertificates;
import dev.latchkey.devcerts.DevCertificates.Issued;
import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.log.LogCapture;
import dev.latchkey.test.pki.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issues 6 and 12 over real HTTP(S): the client certificate forwarded by a TLS-terminating proxy in Envoy's
 * {@code X-Forwarded-Client-Cert}, believed because the request comes from 127.0.0.1, which is in
 * {@code latchkey.trusted-proxies}, and only when it chains to {@code latchkey.client-cert.trust-anchors}. By default
 * exactly one header line with exactly one element is accepted.
 */
class TrustedProxyHttpTest {

    private static final String READER = "spiffe://it.example/ns/orders/sa/reader";
    private static final String ADMIN = "spiffe://it.example/ns/ops/sa/admin";
    private static final String XFCC = "X-Forwarded-Client-Cert";

    @TempDir
    static Path dir;
    private static TestPki pki;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(dir);
        Path mapping = Files.writeString(dir.resolve("mapping.json"),
                "{\"spiffe://it.example/ns/orders/*\": {\"groups\": [\"orders\"], \"scopes\": [\"orders:read\"]}}");
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "client-cert",
                "latchkey.client-cert.trust-domains", "it.example",
                "latchkey.client-cert.mapping-file", mapping.toString(),
                "latchkey.trusted-proxies", "127.0.0.0/8,::1/128",
                "latchkey.client-cert.trust-anchors", pki.caPem("anchors.pem").toString(),
                "latchkey.client-cert.forwarded-format", "xfcc"), TestServer.tls(pki, LatchkeyJetty.ClientAuth.WANT));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void whenTrustedProxyForwardsASpiffeCertificateThenItIsTheCaller() throws Exception {
        Issued client = pki.spiffeClient(READER);
        HttpResponse<String> orders = get(server.http("/orders"), XFCC, TestPki.xfcc(client.certificate(), READER));
        assertEquals(200, orders.statusCode(), orders.body());
        assertEquals("orders for " + READER, orders.body());
    }

    @Test
    void whenTrustedProxyForwardsAnExpiredCertificateThen401() throws Exception {
        Instant now = Instant.now();
        Issued expired = pki.spiffeClient(READER, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        HttpResponse<String> refused = get(server.http("/me"), XFCC, TestPki.xfcc(expired.certificate(), READER));
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("client certificate expired", json(refused).getString("detail"));
    }

    @Test
    void whenTrustedProxyForwardsAMalformedHeaderThen400() throws Exception {
        Issued client = pki.spiffeClient(READER);
        String tampered = TestPki.xfcc(client.certificate(), READER).replaceFirst("Hash=[0-9a-f]{4}", "Hash=0000");
        for (String value : new String[]{"Cert=\"not-a-certificate\"", "By=x;Subject=\"CN=a\"", tampered}) {
            HttpResponse<String> refused = get(server.http("/me"), XFCC, value);
            assertEquals(400, refused.statusCode(), value + " -> " + refused.body());
            assertEquals("invalid_request", json(refused).getString("error"));
        }
    }

    @Test
    void whenTrustedProxySendsNoHeaderThenItsOwnTlsCertificateIdentifiesNobody() throws Exception {
        Issued proxyOwn = pki.spiffeClient(READER);
        HttpResponse<String> none = get(pki.httpClient(proxyOwn), server.https("/me"));
        assertEquals(401, none.statusCode(), none.body());
        assertEquals("unauthenticated", json(none).getString("error"));
    }

    /**
     * Envoy {@code APPEND_FORWARD}: the client sends an element naming someone else's (public) certificate, the proxy
     * appends its own for the client it saw. The left element is the client's word, so the header is refused.
     */
    @Test
    void whenClientPrependsAnElementThenItIsRefusedWith400() throws Exception {
        Issued admin = pki.spiffeClient(ADMIN);
        Issued attacker = pki.spiffeClient(READER);
        String appended = TestPki.xfcc(admin.certificate(), ADMIN) + "," + TestPki.xfcc(attacker.certificate(), READER);
        HttpResponse<String> refused = get(server.http("/me"), XFCC, appended);
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("invalid_request", json(refused).getString("error"));
        assertEquals("more than one element in the forwarded client certificate header",
                json(refused).getString("detail"));
    }

    /**
     * Envoy {@code APPEND_FORWARD} for a client whose certificate subject holds a quote
     * ({@code Subject="CN=mallory\""}): the client sends the victim's certificate and opens a quote meant to swallow
     * the element Envoy appends, so that one element with the victim's {@code Cert} would remain. The stray quote makes
     * the header malformed.
     */
    @Test
    void whenClientOpensAQuoteToSwallowTheAppendedElementThen400() throws Exception {
        Issued victim = pki.spiffeClient(ADMIN);
        Issued mallory = DevCertificates.leaf(pki.ca(), "mallory\"").uri(READER).issue();
        String clientSent = "Cert=" + TestPki.escapedPem(victim.certificate()) + ";x=\"";
        String envoyAppended = "," + TestPki.xfcc(mallory.certificate(), null) + ";Subject=\"CN=mallory\\\"\"";
        HttpResponse<String> refused = get(server.http("/me"), XFCC, clientSent + envoyAppended);
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("invalid_request", json(refused).getString("error"));
        assertTrue(json(refused).getString("detail").startsWith("malformed forwarded client certificate"),
                refused.body());
    }

    @Test
    void whenTwoHeaderLinesThenRefusedWith400() throws Exception {
        Issued admin = pki.spiffeClient(ADMIN);
        Issued client = pki.spiffeClient(READER);
        HttpResponse<String> refused = get(server.http("/me"), XFCC, TestPki.xfcc(admin.certificate(), ADMIN),
                XFCC, TestPki.xfcc(client.certificate(), READER));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("invalid_request", json(refused).getString("error"));
        assertEquals("more than one forwarded client certificate header", json(refused).getString("detail"));
    }

    @Test
    void whenForwardedCertificateIsFromAnotherCaOrSelfSignedThen401() throws Exception {
        TestPki rogue = TestPki.create(Files.createDirectories(dir.resolve("rogue")));
        Issued otherCa = rogue.spiffeClient(ADMIN);
        Issued selfSigned = DevCertificates.ca("spiffe-admin", Duration.ofDays(1));
        for (Issued forged : new Issued[]{otherCa, selfSigned, rogue.ca()}) {
            HttpResponse<String> refused = get(server.http("/me"), XFCC, TestPki.xfcc(forged.certificate(), ADMIN));
            assertEquals(401, refused.statusCode(), forged + " -> " + refused.body());
            assertEquals("invalid_token", json(refused).getString("error"));
            assertEquals("forwarded client certificate not trusted", json(refused).getString("detail"));
        }
    }

    @Test
    void whenForwardedCertificateIsACaTheAnchorOrAServerCertificateThen401() throws Exception {
        Issued intermediate = DevCertificates.intermediate(pki.ca(), "IT Intermediate", Duration.ofDays(1));
        Issued serverOnly = DevCertificates.leaf(pki.ca(), "api").server().uri(ADMIN).issue();
        for (Issued notClient : new Issued[]{intermediate, pki.ca(), serverOnly}) {
            HttpResponse<String> refused = get(server.http("/me"), XFCC, TestPki.xfcc(notClient.certificate(), ADMIN));
            assertEquals(401, refused.statusCode(), notClient + " -> " + refused.body());
            assertEquals("invalid_token", json(refused).getString("error"));
            assertEquals("forwarded certificate is not a client certificate", json(refused).getString("detail"));
        }
    }

    @Test
    void whenRefusedBehindTheProxyThenTheAuditNamesTheForwardedClientNotTheProxy() throws Exception {
        HttpResponse<String> refused;
        String logged;
        try (LogCapture log = LogCapture.latchkey()) {
            refused = get(server.http("/me"), XFCC, "Cert=\"not-a-certificate\"",
                    "X-Forwarded-For", "198.51.100.66, 203.0.113.7");
            logged = log.all();
        }
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(logged.contains("reason=forwarded_cert_malformed") && logged.contains("remote=203.0.113.7"),
                logged);
    }
}

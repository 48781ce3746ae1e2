package dev.latchkey.jetty.it;

import dev.latchkey.devcerts.DevCertificateFiles;
import dev.latchkey.devcerts.DevCertificates;
import dev.latchkey.devcerts.DevCertificates.Issued;
import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.pki.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The CRL file for certificates forwarded by a trusted proxy, over real HTTP: it must hold a CRL of the issuer of every
 * certificate of the path (503 otherwise), and of two CRLs of one issuer (a rotation) the newest decides.
 */
class ForwardedCrlHttpTest {

    private static final String READER = "spiffe://it.example/ns/orders/sa/reader";
    private static final String XFCC = "X-Forwarded-Client-Cert";

    @TempDir
    static Path dir;
    private static TestPki pki;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestPki.create(dir);
    }

    private static TestServer server(Path crlFile) throws Exception {
        return TestServer.start(Map.of(
                "latchkey.mechanisms", "client-cert",
                "latchkey.client-cert.trust-domains", "it.example",
                "latchkey.trusted-proxies", "127.0.0.0/8,::1/128",
                "latchkey.client-cert.trust-anchors", pki.caPem("anchors.pem").toString(),
                "latchkey.client-cert.crl-file", crlFile.toString()),
                TestServer.tls(pki, LatchkeyJetty.ClientAuth.WANT));
    }

    @Test
    void whenTheIntermediateOfAForwardedPathHasNoCrlThen503() throws Exception {
        Issued intermediate = DevCertificates.intermediate(pki.ca(), "IT Intermediate", Duration.ofDays(1));
        Issued leaf = DevCertificates.leaf(intermediate, "workload").uri(READER).issue();
        String withChain = TestPki.xfcc(leaf.certificate(), READER) + ";Chain=\""
                + TestPki.escapedPem(leaf.certificate())
                + TestPki.escapedPem(intermediate.certificate()) + "\"";
        try (TestServer server = server(pki.crl("root-only.crl"))) {
            HttpResponse<String> refused = get(server.http("/me"), XFCC, withChain);
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("temporarily_unavailable", json(refused).getString("error"));
            assertEquals("no certificate revocation list for the issuer", json(refused).getString("detail"));
        }
    }

    @Test
    void whenTheFileHoldsTheOldStaleAndTheNewCrlOfTheIssuerThenTheNewestDecides() throws Exception {
        Instant now = Instant.now();
        Path rotated = dir.resolve("rotated.crl");
        DevCertificateFiles.writeCrl(rotated,
                DevCertificates.crl(pki.ca(), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))),
                DevCertificates.crl(pki.ca(), now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1))));
        Issued client = pki.spiffeClient(READER);
        try (TestServer server = server(rotated)) {
            HttpResponse<String> me = get(server.http("/me"), XFCC, TestPki.xfcc(client.certificate(), READER));
            assertEquals(200, me.statusCode(), me.body());
            assertEquals(READER, json(me).getString("name"));
        }
    }
}

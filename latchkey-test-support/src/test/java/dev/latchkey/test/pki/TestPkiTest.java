package dev.latchkey.test.pki;

import com.sun.net.httpserver.HttpsServer;
import dev.latchkey.devcerts.DevCertificates.Issued;
import dev.latchkey.test.http.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestPkiTest {

    @Test
    void whenAClientCertificateIsPresentedThenAServerTrustingTheCaSeesIt(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create(dir);
        HttpsServer server = HttpsEcho.start(pki, true);
        try {
            String url = "https://localhost:" + server.getAddress().getPort() + "/";
            Issued client = pki.spiffeClient("spiffe://latchkey.test/ns/a/sa/b");
            assertTrue(pki.credential(client).needsTls());
            assertEquals("CN=workload,O=Latchkey Dev", Http.get(pki.httpClient(client), url).body());
            assertThrows(java.io.UncheckedIOException.class, () -> Http.get(pki.httpClient(null), url));
            assertThrows(java.io.UncheckedIOException.class,
                    () -> Http.get(pki.httpClient(TestPki.create(dir.resolve("other")).client("stranger")), url));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void whenCertificatesAreIssuedThenTheyCarryNameSanAndValidity(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create(dir);
        X509Certificate spiffe = pki.spiffeClient("spiffe://latchkey.test/x").certificate();
        assertEquals(List.of(6, "spiffe://latchkey.test/x"), spiffe.getSubjectAlternativeNames().iterator().next());
        spiffe.verify(pki.ca().keyPair().getPublic());
        assertTrue(spiffe.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), "clientAuth");
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        X509Certificate old = pki.spiffeClient("spiffe://latchkey.test/x", from, from.plusSeconds(60)).certificate();
        assertEquals(from, old.getNotBefore().toInstant());
        assertEquals("CN=batch,O=Latchkey Dev", pki.client("batch").certificate().getSubjectX500Principal().getName());
        assertSame(TestPki.selfSigned("me"), TestPki.selfSigned("me"));
    }

    @Test
    void whenACrlAndTheCaPemAreWrittenThenTheyReadBack(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create(dir);
        X509Certificate revoked = pki.client("revoked").certificate();
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        try (InputStream in = Files.newInputStream(pki.crl("ca.crl", revoked))) {
            X509CRL crl = (X509CRL) x509.generateCRL(in);
            assertTrue(crl.isRevoked(revoked));
            crl.verify(pki.ca().keyPair().getPublic());
        }
        assertEquals(pki.ca().certificate(), SslContexts.readCertificate(pki.caPem("ca.pem")));
    }

    @Test
    void whenEscapedOrForwardedThenThePemIsUrlEncodedWithSpacesAsPercent20(@TempDir Path dir) {
        X509Certificate cert = TestPki.create(dir).client("fwd").certificate();
        String escaped = TestPki.escapedPem(cert);
        assertTrue(escaped.startsWith("-----BEGIN%20CERTIFICATE-----"), escaped);
        String xfcc = TestPki.xfcc(cert, "spiffe://latchkey.test/y");
        assertTrue(xfcc.contains(";Cert=\"" + escaped + "\";URI=spiffe://latchkey.test/y"), xfcc);
        assertTrue(xfcc.matches("By=[^;]+;Hash=[0-9a-f]{64};.*"), xfcc);
    }
}

package dev.latchkey.devcerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevCertificateFilesTest {

    /** GeneralName tag of a uniformResourceIdentifier (RFC 5280, section 4.2.1.6). */
    private static final int URI_SAN = 6;

    @TempDir
    Path dir;

    @Test
    void whenGeneratedThenStoresLoadAndClientChainsToTrustStore() throws Exception {
        char[] pw = "changeit".toCharArray();
        DevCertificateFiles.Generated g = DevCertificateFiles.generate(dir, pw);
        for (String f : List.of("ca.pem", "ca-key.pem", "server.p12", "server.pem", "server-key.pem", "truststore.p12",
                "client.pem", "client-key.pem", "client.p12", "spiffe.pem", "spiffe-key.pem", "spiffe.p12")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        for (String secret : List.of("ca-key.pem", "server-key.pem", "client-key.pem", "spiffe-key.pem", "server.p12",
                "client.p12", "spiffe.p12")) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(dir.resolve(secret)), secret);
        }
        String keyPem = Files.readString(dir.resolve("client-key.pem"));
        assertTrue(keyPem.startsWith("-----BEGIN PRIVATE KEY-----\n"), keyPem.lines().findFirst().orElse(""));
        String base64 = keyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        assertArrayEquals(g.client().keyPair().getPrivate().getEncoded(), key.getEncoded());
        try (InputStream in = Files.newInputStream(dir.resolve("server.pem"))) {
            assertEquals(List.of(g.server().certificate(), g.ca().certificate()),
                    List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in)));
        }
        assertFalse(g.toString().contains("PRIVATE"));

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(g.files().trustStore())) {
            trust.load(in, pw);
        }
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(g.files().serverKeyStore())) {
            server.load(in, pw);
        }
        assertTrue(server.isKeyEntry("server"));

        X509Certificate client;
        try (InputStream in = Files.newInputStream(dir.resolve("spiffe.pem"))) {
            client = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        PKIXParameters params = new PKIXParameters(trust);
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(client)), params);

        assertEquals(List.of(List.of(URI_SAN, DevCertificateFiles.SPIFFE_ID)),
                List.copyOf(client.getSubjectAlternativeNames()));
        assertEquals("CN=" + DevCertificateFiles.CLIENT_CN + ",O=Latchkey Dev",
                g.client().certificate().getSubjectX500Principal().getName());
        List<?> serverSans = g.server().certificate().getSubjectAlternativeNames().stream().map(l -> l.get(1)).toList();
        assertTrue(serverSans.contains("localhost") && serverSans.contains("127.0.0.1"), serverSans.toString());
    }

    @Test
    void whenCrlWrittenThenPemReadableByTheJdk() throws Exception {
        X509Certificate revoked = DevCertificates.leaf(DevCertificates.ca("CA", Duration.ofDays(1)), "x").issue()
                .certificate();
        DevCertificates.Issued ca = DevCertificates.ca("CRL CA", Duration.ofDays(1));
        X509CRL crl = DevCertificates.crl(ca, Duration.ofDays(7), revoked);
        Path file = dir.resolve("ca.crl");
        DevCertificateFiles.writeCrl(file, crl);
        assertTrue(Files.readString(file).startsWith("-----BEGIN X509 CRL-----"));
        try (InputStream in = Files.newInputStream(file)) {
            assertEquals(crl, CertificateFactory.getInstance("X.509").generateCRL(in));
        }
    }
}

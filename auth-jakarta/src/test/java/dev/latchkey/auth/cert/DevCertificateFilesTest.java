package dev.latchkey.auth.cert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevCertificateFilesTest {

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
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(dir.resolve("client-key.pem")));
        assertTrue(Files.readString(dir.resolve("client-key.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertFalse(g.toString().contains("PRIVATE"));

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(g.trustStore())) {
            trust.load(in, pw);
        }
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(g.serverKeyStore())) {
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

        var mapper = new CertificateCallerMapper(List.of(ClientCertificateSettings.PrincipalSource.SPIFFE),
                Set.of(DevCertificateFiles.TRUST_DOMAIN));
        assertEquals(DevCertificateFiles.SPIFFE_ID, mapper.map(client).name());
        var cn = new CertificateCallerMapper(List.of(ClientCertificateSettings.PrincipalSource.CN), Set.of());
        assertEquals(DevCertificateFiles.CLIENT_CN, cn.map(g.client().certificate()).name());
        List<?> serverSans = g.server().certificate().getSubjectAlternativeNames().stream().map(l -> l.get(1)).toList();
        assertTrue(serverSans.contains("localhost") && serverSans.contains("127.0.0.1"), serverSans.toString());
    }
}

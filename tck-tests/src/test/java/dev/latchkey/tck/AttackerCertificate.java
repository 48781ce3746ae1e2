package dev.latchkey.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.interfaces.RSAPrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Fixture: a self-signed RSA certificate and its private key, generated at test time with the JDK's {@code keytool}
 * (the test class path has no certificate builder), for the {@code x5c} and {@code x5u} attacks.
 */
public record AttackerCertificate(X509Certificate certificate, RSAPrivateKey privateKey) {

    private static final char[] PASSWORD = UUID.randomUUID().toString().toCharArray();

    public static AttackerCertificate generate() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("attacker-cert");
            Path store = dir.resolve("attacker.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "attacker", "-keyalg", "RSA",
                    "-keysize", "2048", "-dname", "CN=attacker.test", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", new String(PASSWORD))
                    .redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed");
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, PASSWORD);
            }
            return new AttackerCertificate((X509Certificate) keyStore.getCertificate("attacker"),
                    (RSAPrivateKey) keyStore.getKey("attacker", PASSWORD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The certificate as PEM, as an {@code x5u} URL would serve it (RFC 7515 §4.1.5). */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}

package dev.latchkey.devcerts;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * Writes a development PKI into a directory (uses {@link DevCertificates}, hence BouncyCastle):
 * <ul>
 *   <li>{@code ca.pem} — the CA certificate (trust anchor for clients: {@code curl --cacert ca.pem});
 *   {@code ca-key.pem} — its key (to issue more certificates or CRLs)</li>
 *   <li>{@code server.p12} — key store with the server key and chain, for {@code localhost}, {@code 127.0.0.1} and
 *   {@code ::1}; {@code truststore.p12} — the CA, the server's trust store for client certificates</li>
 *   <li>{@code client.pem}/{@code client-key.pem}/{@code client.p12} — a client with CN {@value #CLIENT_CN} only</li>
 *   <li>{@code spiffe.pem}/{@code spiffe-key.pem}/{@code spiffe.p12} — a client with URI SAN {@value #SPIFFE_ID}</li>
 * </ul>
 * So {@code curl --cert client.pem --key client-key.pem --cacert ca.pem https://localhost:8443/...} works. Key files
 * are written owner-readable only where the file system is POSIX. Nothing is logged.
 */
public final class DevCertificateFiles {

    public static final String CLIENT_CN = "dev-client";
    public static final String TRUST_DOMAIN = "latchkey.test";
    public static final String SPIFFE_ID = "spiffe://latchkey.test/ns/demo/sa/client";

    /** Where the files are in a directory: their names, written once for the writer and every reader. */
    public record Layout(Path directory) {
        public Path caPem() {
            return directory.resolve("ca.pem");
        }

        public Path serverKeyStore() {
            return directory.resolve("server.p12");
        }

        public Path trustStore() {
            return directory.resolve("truststore.p12");
        }

        /** Every file: a directory holding them all has been generated. */
        public List<Path> all() {
            return List.of(caPem(), serverKeyStore(), trustStore());
        }
    }

    /** What was written; {@code toString()} prints paths only. */
    public record Generated(Path directory, DevCertificates.Issued ca, DevCertificates.Issued server,
                            DevCertificates.Issued client, DevCertificates.Issued spiffeClient) {
        public Layout files() {
            return new Layout(directory);
        }

        @Override
        public String toString() {
            return "Generated[directory=" + directory + "]";
        }
    }

    private DevCertificateFiles() {
    }

    /** Generates a CA, a localhost server certificate and two clients into {@code dir}; stores use {@code password}. */
    public static Generated generate(Path dir, char[] password) throws IOException {
        Files.createDirectories(dir);
        DevCertificates.Issued ca = DevCertificates.ca("Latchkey Dev CA", Duration.ofDays(3650));
        DevCertificates.Issued server = DevCertificates.leaf(ca, "localhost").server()
                .dns("localhost").ip("127.0.0.1").ip("::1").issue();
        DevCertificates.Issued client = DevCertificates.leaf(ca, CLIENT_CN).issue();
        DevCertificates.Issued spiffe = DevCertificates.leaf(ca, "spiffe-client").uri(SPIFFE_ID).issue();

        Layout files = new Layout(dir);
        writeString(files.caPem(), pem(ca.certificate()), false);
        writeString(dir.resolve("ca-key.pem"), pem(ca.keyPair().getPrivate()), true);
        writeString(dir.resolve("server.pem"), pem(server.certificate()) + pem(ca.certificate()), false);
        writeString(dir.resolve("server-key.pem"), pem(server.keyPair().getPrivate()), true);
        pkcs12(files.serverKeyStore(), "server", server, ca, password);
        trustStore(files.trustStore(), ca.certificate(), password);
        for (var entry : java.util.Map.of("client", client, "spiffe", spiffe).entrySet()) {
            String n = entry.getKey();
            writeString(dir.resolve(n + ".pem"), pem(entry.getValue().certificate()), false);
            writeString(dir.resolve(n + "-key.pem"), pem(entry.getValue().keyPair().getPrivate()), true);
            pkcs12(dir.resolve(n + ".p12"), n, entry.getValue(), ca, password);
        }
        return new Generated(dir, ca, server, client, spiffe);
    }

    /** Writes one or more CRLs as PEM, in this order (e.g. the old and the new CRL of one issuer, mid-rotation). */
    public static void writeCrl(Path file, X509CRL... crls) throws IOException {
        StringBuilder pem = new StringBuilder();
        for (X509CRL crl : crls) {
            pem.append(pem(crl));
        }
        writeString(file, pem.toString(), false);
    }

    public static String pem(X509Certificate cert) {
        return pem((Object) cert);
    }

    /** PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), as curl and OpenSSL read it. */
    public static String pem(PrivateKey key) {
        try {
            return pem(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the private key as PKCS#8", e);
        }
    }

    /** PEM by BouncyCastle's {@link JcaPEMWriter} (RFC 7468). */
    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + object.getClass().getSimpleName() + " as PEM", e);
        }
        return out.toString();
    }

    private static void pkcs12(Path file, String alias, DevCertificates.Issued leaf, DevCertificates.Issued ca,
                               char[] password) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(alias, leaf.keyPair().getPrivate(), password,
                    new Certificate[]{leaf.certificate(), ca.certificate()});
            store(file, ks, password, true);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write " + file.getFileName(), e);
        }
    }

    private static void trustStore(Path file, X509Certificate ca, char[] password) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("ca", ca);
            store(file, ks, password, false);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write " + file.getFileName(), e);
        }
    }

    private static void store(Path file, KeyStore ks, char[] password, boolean secret)
            throws IOException, GeneralSecurityException {
        prepare(file, secret);
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password);
        }
    }

    private static void writeString(Path file, String content, boolean secret) throws IOException {
        prepare(file, secret);
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    /**
     * Creates the file empty, replacing any previous one; a file for a secret is created with owner-only permissions
     * in the same step (where the file system is POSIX), so that it is never readable by others, not even empty.
     */
    static void prepare(Path file, boolean secret) throws IOException {
        Files.deleteIfExists(file);
        if (!secret) {
            Files.createFile(file);
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: rely on the directory's permissions
        }
    }
}

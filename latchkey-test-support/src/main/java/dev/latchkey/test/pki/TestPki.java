package dev.latchkey.test.pki;

import dev.latchkey.devcerts.DevCertificateFiles;
import dev.latchkey.devcerts.DevCertificates;
import dev.latchkey.devcerts.DevCertificates.Issued;
import dev.latchkey.test.http.Http;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A PKI generated at test time (EC P-256, BouncyCastle through {@link DevCertificates}): a CA, a server certificate for
 * {@code localhost} / {@code 127.0.0.1} in a PKCS#12 key store, the CA in a PKCS#12 trust store (for a server that
 * asks for client certificates), client certificates on demand, CRLs, and TLS clients trusting the CA.
 */
public final class TestPki {

    /** The password of both stores. */
    public static final String PASSWORD = "test-store-pass";

    private static final Map<String, Issued> SELF_SIGNED = new ConcurrentHashMap<>();

    private final Path dir;
    private final boolean temporary;
    private final Issued ca;

    private TestPki(Path dir, boolean temporary) {
        this.dir = dir;
        this.temporary = temporary;
        if (temporary) {
            dir.toFile().deleteOnExit(); // registered first, deleted last
        }
        this.ca = DevCertificates.ca("Latchkey Test CA", Duration.ofDays(30));
        Issued server = DevCertificates.leaf(ca, "localhost").server().dns("localhost").ip("127.0.0.1").issue();
        try {
            Files.createDirectories(dir);
            KeyStore keys = SslContexts.emptyStore();
            keys.setKeyEntry("server", server.keyPair().getPrivate(), PASSWORD.toCharArray(),
                    new Certificate[] {server.certificate(), ca.certificate()});
            save(keys, written(serverKeyStore()));
            KeyStore trust = SslContexts.emptyStore();
            trust.setCertificateEntry("ca", ca.certificate());
            save(trust, written(trustStore()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKI whose files (stores, CRLs, PEM) go into {@code dir}. */
    public static TestPki create(Path dir) {
        return new TestPki(dir, false);
    }

    /** A PKI whose files go into a new temporary directory, deleted when the JVM exits. */
    public static TestPki create() {
        try {
            return new TestPki(Files.createTempDirectory("latchkey-pki"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Issued ca() {
        return ca;
    }

    public Path directory() {
        return dir;
    }

    /** PKCS#12: the server key and certificate ({@code localhost}, {@code 127.0.0.1}) and CA, {@link #PASSWORD}. */
    public Path serverKeyStore() {
        return dir.resolve("server.p12");
    }

    /** PKCS#12: the CA certificate, {@link #PASSWORD}: the trust store of a server that wants client certificates. */
    public Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    /** A client certificate ({@code clientAuth}) with subject {@code CN=<cn>,O=Latchkey Dev} and no SAN. */
    public Issued client(String commonName) {
        return DevCertificates.leaf(ca, commonName).issue();
    }

    /** A client certificate whose URI SAN is {@code spiffeId} (CN {@code workload}). */
    public Issued spiffeClient(String spiffeId) {
        return DevCertificates.leaf(ca, "workload").uri(spiffeId).issue();
    }

    /** A client certificate with a SPIFFE ID, valid only between {@code from} and {@code to}. */
    public Issued spiffeClient(String spiffeId, Instant from, Instant to) {
        return DevCertificates.leaf(ca, "workload").uri(spiffeId).validity(from, to).issue();
    }

    /** A certificate of this CA (or of one below it) as a credential presented in the TLS handshake. */
    public ClientCertificate credential(Issued issued) {
        return new ClientCertificate(issued, ca.certificate());
    }

    /** Writes a PEM CRL by the CA revoking {@code revoked}, due for update in a day. */
    public Path crl(String name, X509Certificate... revoked) {
        return crl(name, Duration.ofDays(1), revoked);
    }

    /** Writes a PEM CRL by the CA revoking {@code revoked}, due for update {@code nextUpdate} from now. */
    public Path crl(String name, Duration nextUpdate, X509Certificate... revoked) {
        Path file = written(dir.resolve(name));
        try {
            DevCertificateFiles.writeCrl(file, DevCertificates.crl(ca, nextUpdate, revoked));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes the CA certificate as PEM ({@code latchkey.client-cert.trust-anchors}). */
    public Path caPem(String name) {
        try {
            return Files.writeString(written(dir.resolve(name)), DevCertificateFiles.pem(ca.certificate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TLS trusting the CA, presenting {@code client} (none when null). */
    public SSLContext sslContext(Issued client) {
        KeyManager[] keys = client == null ? null : credential(client).clientKeys().orElseThrow();
        return SslContexts.trusting(keys, ca.certificate());
    }

    /** An HTTP client trusting the CA and presenting {@code client} (none when null). */
    public HttpClient httpClient(Issued client) {
        return Http.client(sslContext(client));
    }

    /**
     * A self-signed certificate for {@code commonName} (a CA of its own, trusted by nobody), one per name for the
     * test run.
     */
    public static Issued selfSigned(String commonName) {
        return SELF_SIGNED.computeIfAbsent(commonName, cn -> DevCertificates.ca(cn, Duration.ofDays(2)));
    }

    /** URL-encoded PEM, as nginx's {@code $ssl_client_escaped_cert} and XFCC's {@code Cert} carry it. */
    public static String escapedPem(X509Certificate cert) {
        return URLEncoder.encode(DevCertificateFiles.pem(cert), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * An Envoy {@code X-Forwarded-Client-Cert} element for {@code cert}: {@code By}, {@code Hash} (hex SHA-256 of the
     * DER), {@code Cert} (URL-encoded PEM, quoted) and {@code URI} (when given).
     */
    public static String xfcc(X509Certificate cert, String uri) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
            return "By=spiffe://it.example/ns/edge/sa/envoy;Hash=" + hash + ";Cert=\"" + escapedPem(cert) + "\""
                    + (uri == null ? "" : ";URI=" + uri);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code file}, deleted when the JVM exits if the directory is temporary. */
    private Path written(Path file) {
        if (temporary) {
            file.toFile().deleteOnExit();
        }
        return file;
    }

    private static void save(KeyStore store, Path file) throws GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "TestPki[" + dir + "]";
    }
}

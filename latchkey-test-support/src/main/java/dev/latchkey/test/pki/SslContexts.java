package dev.latchkey.test.pki;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** TLS client contexts for tests: trusting given CAs, presenting a client certificate or none. */
public final class SslContexts {

    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private SslContexts() {
    }

    /** Trusts only {@code anchors}; presents {@code clientKeys} (null: no client certificate). */
    public static SSLContext trusting(KeyManager[] clientKeys, X509Certificate... anchors) {
        try {
            KeyStore trust = emptyStore();
            for (int i = 0; i < anchors.length; i++) {
                trust.setCertificateEntry("ca-" + i, anchors[i]);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            return context(clientKeys, tmf.getTrustManagers());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Trusts every server certificate: only for loopback servers that make a self-signed one at start (Payara Micro).
     * Presents {@code clientKeys} (null: none).
     */
    public static SSLContext trustingAnyServer(KeyManager[] clientKeys) {
        return context(clientKeys, new TrustManager[] {new TrustAll()});
    }

    /** Trusts what the JDK trusts (its {@code cacerts}); presents {@code clientKeys} (null: none). */
    public static SSLContext withJdkTrust(KeyManager[] clientKeys) {
        return context(clientKeys, null);
    }

    /** Key managers presenting {@code key} with its certificate chain (leaf first). */
    public static KeyManager[] keyManagers(PrivateKey key, X509Certificate... chain) {
        try {
            KeyStore keys = emptyStore();
            keys.setKeyEntry("client", key, IN_MEMORY, chain);
            return keyManagers(keys, IN_MEMORY);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Key managers presenting the key and chain of a PKCS#12 file. */
    public static KeyManager[] keyManagers(Path pkcs12, char[] password) {
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password);
            return keyManagers(keys, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first certificate of a PEM file. */
    public static X509Certificate readCertificate(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            return (X509Certificate) certificate;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyManager[] keyManagers(KeyStore keys, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        return kmf.getKeyManagers();
    }

    private static SSLContext context(KeyManager[] clientKeys, TrustManager[] trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(clientKeys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyStore emptyStore() throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

package dev.latchkey.test.pki;

import com.sun.net.httpserver.HttpsServer;
import dev.latchkey.devcerts.DevCertificates.Issued;
import dev.latchkey.test.http.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManager;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SslContextsTest {

    private static final TestPki PKI = TestPki.create();
    private static HttpsServer server;

    @BeforeAll
    static void start() throws Exception {
        server = HttpsEcho.start(PKI, false);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void whenTheCaIsTrustedOrAnyServerIsThenTheHandshakeSucceedsElseItFails() {
        String url = HttpsEcho.url(server);
        assertEquals("none", Http.get(Http.client(SslContexts.trusting(null, PKI.ca().certificate())), url).body());
        assertEquals("none", Http.get(Http.client(SslContexts.trustingAnyServer(null)), url).body());
        assertThrows(UncheckedIOException.class, () -> Http.get(Http.client(SslContexts.withJdkTrust(null)), url));
    }

    @Test
    void whenKeysComeFromAPkcs12FileThenTheServerSeesThatCertificate() throws Exception {
        Issued client = PKI.client("from-p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", client.keyPair().getPrivate(), "pw".toCharArray(),
                new Certificate[] {client.certificate(), PKI.ca().certificate()});
        Path file = PKI.directory().resolve("client.p12");
        file.toFile().deleteOnExit();
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "pw".toCharArray());
        }
        KeyManager[] keys = SslContexts.keyManagers(file, "pw".toCharArray());
        var https = Http.client(SslContexts.trusting(keys, PKI.ca().certificate()));
        assertEquals("CN=from-p12,O=Latchkey Dev", Http.get(https, HttpsEcho.url(server)).body());
    }
}

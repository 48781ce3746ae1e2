package dev.latchkey.sample;

import dev.latchkey.sample.fixtures.CapturedIo;
import dev.latchkey.sample.fixtures.RunningSample;
import dev.latchkey.test.http.Http;
import dev.latchkey.test.pki.SslContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample as a user runs it: the server started through the serve code (free ports, files in a temporary
 * directory), keys and users created through the CLI, requests over plain HTTP and HTTPS.
 */
class SampleEndToEndTest {

    @TempDir
    static Path dir;
    private static RunningSample sample;
    private static String http;
    private static String https;

    @BeforeAll
    static void start() throws Exception {
        sample = RunningSample.start(dir);
        http = sample.http() + "/api";
        https = sample.https() + "/api";
    }

    @AfterAll
    static void stop() throws Exception {
        if (sample != null) {
            sample.close();
        }
    }

    @Test
    void whenApiKeyCreatedByCliThenOrdersAnswer200AndWithoutKey401() throws Exception {
        CapturedIo created = cli(null, "apikey", "create", "--name", "partner-a", "--scopes", "orders:read",
                "--expires", "P90D");
        String key = created.line("key:");
        assertTrue(key.startsWith("sk_test_"), created.out());

        HttpClient client = HttpClient.newHttpClient();
        assertEquals(200, send(client, get(http + "/orders").header("X-API-Key", key)).statusCode());
        assertEquals(401, send(client, get(http + "/orders")).statusCode());
        assertTrue(cli(null, "apikey", "list").out().contains(created.line("id:")));
    }

    @Test
    void whenUserCreatedByCliThenBasicOverHttpsIs200AndOverHttp401() throws Exception {
        cli("s3cret-pass", "user", "add", "alice", "--groups", "admin,ops");
        String basic = Http.basic("alice", "s3cret-pass");

        HttpResponse<String> secure = send(Http.client(SslContexts.trusting(null, ca())),
                get(https + "/me").header("Authorization", basic));
        assertEquals(200, secure.statusCode(), secure.body());
        assertTrue(secure.body().contains("\"mechanism\":\"basic\""), secure.body());
        assertTrue(secure.body().contains("\"admin\""), secure.body());

        assertEquals(401, send(HttpClient.newHttpClient(), get(http + "/me").header("Authorization", basic))
                .statusCode());
    }

    @Test
    void whenSpiffeClientCertificatePresentedThenMeIs200WithMappedScope() throws Exception {
        char[] password = Files.readString(certs().resolve(DevTls.PASSWORD_FILE)).trim().toCharArray();
        HttpClient client = Http.client(SslContexts.trusting(
                SslContexts.keyManagers(certs().resolve("spiffe.p12"), password), ca()));

        HttpResponse<String> me = send(client, get(https + "/me"));
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"mechanism\":\"client-cert\""), me.body());
        assertTrue(me.body().contains("spiffe://latchkey.test/ns/demo/sa/client"), me.body());
        assertTrue(me.body().contains("\"orders:read\""), me.body());
    }

    private static Path certs() {
        return sample.certs();
    }

    private static X509Certificate ca() {
        return SslContexts.readCertificate(certs().resolve("ca.pem"));
    }

    private static CapturedIo cli(String password, String... args) {
        return sample.cli(password, args);
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whenMetadataRequestedThenTheRfc9728DocumentNamesTheIssuerAndTheScopes() throws Exception {
        HttpResponse<String> doc = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sample.http() + "/.well-known/oauth-protected-resource/api")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, doc.statusCode(), doc.body());
        assertTrue(doc.body().contains("\"resource\":\"http://localhost:8080/api\""), doc.body());
        assertTrue(doc.body().contains("\"authorization_servers\":[\"https://sample.latchkey.test\"]"), doc.body());
        assertTrue(doc.body().contains("orders:read"), doc.body());
    }
}

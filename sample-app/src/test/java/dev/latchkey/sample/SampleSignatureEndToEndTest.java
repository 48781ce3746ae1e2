package dev.latchkey.sample;

import dev.latchkey.auth.signature.keys.SignatureAlgorithm;
import dev.latchkey.auth.signature.client.RequestSigner;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18's "done when": a client signs requests with Ed25519 or HMAC (keys from the sample's CLI) and calls the
 * sample API the way it would call AWS; and an API key is used as Twilio-style key id and secret over HTTPS.
 */
class SampleSignatureEndToEndTest {

    @TempDir
    static Path dir;
    private static RunningSample sample;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        sample = RunningSample.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (sample != null) {
            sample.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest post() {
        return HttpRequest.newBuilder(URI.create(sample.http() + "/api/orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    @Test
    void whenEd25519KeyRegisteredByCliThenSignedRequestsAnswer() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path pem = dir.resolve("client.pub.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder()
                .encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        CapturedIo registered = sample.cli(null, "signature", "register", "--client", "partner-sig",
                "--public-key", pem.toString(), "--scopes", "orders:read,orders:write");
        RequestSigner signer = RequestSigner.builder(registered.line("id:"), SignatureAlgorithm.ED25519,
                pair.getPrivate()).build();
        HttpResponse<String> list = send(signer.sign(HttpRequest.newBuilder(
                URI.create(sample.http() + "/api/orders")).GET().build(), null));
        assertEquals(200, list.statusCode(), list.body());
        HttpResponse<String> created = send(signer.sign(post(), "{\"item\":\"latch\"}".getBytes()));
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> unsigned = send(HttpRequest.newBuilder(URI.create(sample.http() + "/api/orders"))
                .GET().build());
        assertEquals(401, unsigned.statusCode());
        assertTrue(unsigned.headers().firstValue("Accept-Signature").isPresent(), unsigned.headers().toString());
    }

    @Test
    void whenHmacSecretCreatedByCliThenSignedRequestsAnswerAndSwappedBodiesDoNot() throws Exception {
        CapturedIo created = sample.cli(null, "signature", "hmac", "--client", "partner-hmac",
                "--scopes", "orders:write");
        RequestSigner signer = RequestSigner.builder(created.line("id:"), SignatureAlgorithm.HMAC_SHA256,
                SignatureAlgorithm.hmacKey(Base64.getDecoder().decode(created.line("secret:")))).build();
        assertEquals(201, send(signer.sign(post(), "{\"item\":\"latch\"}".getBytes())).statusCode());
        HttpRequest signed = signer.sign(post(), "{\"item\":\"latch\"}".getBytes());
        HttpRequest swapped = HttpRequest.newBuilder(signed, (n, v) -> true)
                .method("POST", HttpRequest.BodyPublishers.ofString("{\"item\":\"gold!\"}")).build();
        HttpResponse<String> refused = send(swapped);
        assertEquals(400, refused.statusCode(), refused.body());
    }

    @Test
    void whenApiKeySplitIntoKeyIdAndSecretOverHttpsThen200() throws Exception {
        String key = sample.cli(null, "apikey", "create", "--name", "partner-twilio", "--scopes", "orders:read")
                .line("key:");
        String basic = "Basic " + Base64.getEncoder().encodeToString((key.substring(0, key.lastIndexOf('_')) + ":"
                + key.substring(key.lastIndexOf('_') + 1)).getBytes(StandardCharsets.UTF_8));
        HttpClient tls = Http.client(SslContexts.trusting(null,
                SslContexts.readCertificate(sample.certs().resolve("ca.pem"))));
        HttpResponse<String> ok = tls.send(HttpRequest.newBuilder(URI.create(sample.https() + "/api/orders"))
                .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
        HttpResponse<String> plain = send(HttpRequest.newBuilder(URI.create(sample.http() + "/api/orders"))
                .header("Authorization", basic).GET().build());
        assertEquals(401, plain.statusCode());
    }
}

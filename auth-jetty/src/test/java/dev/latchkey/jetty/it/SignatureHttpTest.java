package dev.latchkey.jetty.it;

import dev.latchkey.auth.signature.keys.SignatureAlgorithm;
import dev.latchkey.auth.signature.client.RequestSigner;
import dev.latchkey.auth.signature.keys.ClientKeyService;
import dev.latchkey.auth.signature.keys.IssuedKey;
import dev.latchkey.jetty.it.app.OrdersResource;
import dev.latchkey.jetty.it.app.UploadsResource;
import dev.latchkey.jetty.it.fixtures.ServerBeans;
import dev.latchkey.jetty.it.fixtures.TestClockProducer;
import dev.latchkey.jetty.it.fixtures.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static dev.latchkey.test.http.Http.header;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18 over real HTTP: RFC 9421 signatures with Ed25519 and HMAC keys from the server's own registry, content
 * checked against the signed Content-Digest before the resource runs, and the attacker's checklist as a client sees it.
 */
class SignatureHttpTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static TestServer server;
    private static KeyPair ed;
    private static IssuedKey edKey;
    private static IssuedKey hmacKey;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "signature",
                "latchkey.signature.store", "memory",
                "latchkey.signature.kek", Base64.getEncoder().encodeToString(new byte[32]),
                "latchkey.signature.digest.max-buffer", "1024"), null);
        ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(ed.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        edKey = keys().registerPublicKey("partner-ed", pem, Set.of("orders:read"), Set.of(), null);
        hmacKey = keys().createHmacKey("partner-hmac", Set.of("orders:read"), Set.of(), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static ClientKeyService keys() {
        return ServerBeans.get(ClientKeyService.class);
    }

    private static RequestSigner.Builder edSigner() {
        return RequestSigner.builder(edKey.keyId(), SignatureAlgorithm.ED25519, ed.getPrivate()).clock(TestClockProducer.CLOCK);
    }

    private static RequestSigner hmacSigner() {
        return RequestSigner.builder(hmacKey.keyId(), SignatureAlgorithm.HMAC_SHA256, SignatureAlgorithm.hmacKey(
                Base64.getDecoder().decode(hmacKey.secret().orElseThrow()))).clock(TestClockProducer.CLOCK).build();
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(server.http(path))).GET().build();
    }

    private static HttpRequest post(String path) {
        return HttpRequest.newBuilder(URI.create(server.http(path))).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** {@code signed} with {@code header} replaced by {@code value}. */
    private static HttpRequest with(HttpRequest signed, String header, String value, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(signed, (n, v) -> !n.equalsIgnoreCase(header))
                .header(header, value);
        if (body != null) {
            b.method(signed.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return b.build();
    }

    @Test
    void whenSignedWithEd25519OrHmacThenTheKeysClientIsTheCaller() throws Exception {
        HttpResponse<String> ed25519 = send(edSigner().build().sign(get("/orders"), null));
        assertEquals(200, ed25519.statusCode(), ed25519.body());
        assertEquals("orders for partner-ed", ed25519.body());
        HttpResponse<String> hmac = send(hmacSigner().sign(get("/orders"), null));
        assertEquals(200, hmac.statusCode(), hmac.body());
        assertEquals("orders for partner-hmac", hmac.body());
    }

    @Test
    void whenNoCredentialThen401WithSignatureChallengeAndAcceptSignature() throws Exception {
        HttpResponse<String> r = send(get("/me"));
        assertEquals(401, r.statusCode());
        assertTrue(header(r, "WWW-Authenticate").startsWith("Signature realm="), header(r, "WWW-Authenticate"));
        assertEquals("sig1=(\"@method\" \"@target-uri\");created", header(r, "Accept-Signature"));
        HttpResponse<String> withContent = send(HttpRequest.newBuilder(URI.create(server.http("/uploads")))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertEquals(401, withContent.statusCode());
        assertEquals("sig1=(\"@method\" \"@target-uri\" \"content-digest\");created",
                header(withContent, "Accept-Signature"));
    }

    @Test
    void whenContentMatchesTheSignedDigestThenTheResourceReadsIt() throws Exception {
        byte[] body = "{\"item\":\"book\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = send(edSigner().build().sign(post("/uploads"), body));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("stored 15 bytes for partner-ed: {\"item\":\"book\"}", r.body());
    }

    @Test
    void whenBodySwappedUnderAValidSignatureThen400AndTheResourceNeverRuns() throws Exception {
        HttpRequest signed = edSigner().build().sign(post("/uploads"), "{\"item\":\"book\"}".getBytes());
        int before = UploadsResource.INVOCATIONS.get();
        HttpResponse<String> r = send(with(signed, "X-Unused", "1", "{\"item\":\"gold\"}".getBytes()));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("invalid_request", json(r).getString("error"));
        assertEquals("request content does not match its Content-Digest", json(r).getString("detail"));
        assertEquals(before, UploadsResource.INVOCATIONS.get());
    }

    @Test
    void whenContentLargerThanTheBufferThen413WithoutReadingIt() throws Exception {
        byte[] big = new byte[4096];
        int before = UploadsResource.INVOCATIONS.get();
        HttpResponse<String> r = send(edSigner().build().sign(post("/uploads"), big));
        assertEquals(413, r.statusCode(), r.body());
        assertEquals(before, UploadsResource.INVOCATIONS.get());
    }

    @Test
    void whenNonceReplayedThen401() throws Exception {
        HttpRequest signed = edSigner().build().sign(get("/orders"), null);
        assertEquals(200, send(signed).statusCode());
        HttpResponse<String> replay = send(signed);
        assertEquals(401, replay.statusCode());
        assertEquals("nonce already used", json(replay).getString("detail"));
    }

    @Test
    void whenStaleOrMissingComponentOrUnknownKeyThen401SayingWhat() throws Exception {
        HttpRequest stale = edSigner().clock(java.time.Clock.offset(TestClockProducer.CLOCK, Duration.ofMinutes(-10)))
                .build().sign(get("/orders"), null);
        assertTrue(json(send(stale)).getString("detail").startsWith("signature too old"));
        HttpResponse<String> partial = send(edSigner().components("@method").build().sign(get("/orders"), null));
        assertEquals(401, partial.statusCode());
        assertEquals("signature does not cover required component @target-uri", json(partial).getString("detail"));
        assertEquals("sig1=(\"@method\" \"@target-uri\");created", header(partial, "Accept-Signature"));
        HttpResponse<String> unknown = send(RequestSigner.builder("ks_unknown", SignatureAlgorithm.ED25519,
                ed.getPrivate()).clock(TestClockProducer.CLOCK).build().sign(get("/orders"), null));
        assertEquals(401, unknown.statusCode());
        assertEquals("key not accepted", json(unknown).getString("detail"));
    }

    @Test
    void whenLabelDuplicatedThen400() throws Exception {
        HttpRequest signed = edSigner().build().sign(get("/orders"), null);
        String input = signed.headers().firstValue("Signature-Input").orElseThrow();
        HttpResponse<String> r = send(with(signed, "Signature-Input", input + ", " + input, null));
        assertEquals(400, r.statusCode(), r.body());
    }

    @Test
    void whenKeyRevokedOnThisNodeThen401AtOnce() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        IssuedKey key = keys().registerPublicKey("short-lived", "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(other.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----",
                Set.of("orders:read"), Set.of(), null);
        RequestSigner signer = RequestSigner.builder(key.keyId(), SignatureAlgorithm.ED25519, other.getPrivate())
                .clock(TestClockProducer.CLOCK).build();
        assertEquals(200, send(signer.sign(get("/orders"), null)).statusCode());
        keys().revoke(key.keyId());
        int before = OrdersResource.INVOCATIONS.get();
        HttpResponse<String> r = send(signer.sign(get("/orders"), null));
        assertEquals(401, r.statusCode());
        assertEquals("key not accepted", json(r).getString("detail"));
        assertEquals(before, OrdersResource.INVOCATIONS.get());
    }
}

package dev.latchkey.jetty.it;

import dev.latchkey.auth.signature.client.RequestSigner;
import dev.latchkey.auth.signature.keys.ClientKeyService;
import dev.latchkey.auth.signature.keys.IssuedKey;
import dev.latchkey.auth.signature.keys.SignatureAlgorithm;
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
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code latchkey.signature.require-content-digest=false}: the explicit opt-out of content integrity (signatures
 * identify the client; content is not covered, like an unsigned payload). Declared content then reaches the resource
 * as sent — it must not fail the resource's read with a 500.
 */
class SignatureUnsignedContentHttpTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static TestServer server;
    private static IssuedKey hmacKey;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "signature",
                "latchkey.signature.store", "memory",
                "latchkey.signature.require-content-digest", "false",
                "latchkey.signature.kek", Base64.getEncoder().encodeToString(new byte[32])), null);
        hmacKey = ServerBeans.get(ClientKeyService.class).createHmacKey("partner-hmac", Set.of("orders:read"),
                Set.of(), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void whenContentDigestIsNotRequiredAndNotSignedThenTheResourceReadsTheContent() throws Exception {
        RequestSigner signer = RequestSigner.builder(hmacKey.keyId(), SignatureAlgorithm.HMAC_SHA256,
                SignatureAlgorithm.hmacKey(Base64.getDecoder().decode(hmacKey.secret().orElseThrow())))
                .clock(TestClockProducer.CLOCK).build();
        HttpRequest unsignedContent = HttpRequest.newBuilder(URI.create(server.http("/uploads")))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpRequest signed = signer.sign(unsignedContent, null);
        HttpRequest withContent = HttpRequest.newBuilder(signed, (n, v) -> true)
                .method("POST", HttpRequest.BodyPublishers.ofString("item=book")).build();

        HttpResponse<String> r = CLIENT.send(withContent, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertEquals(200, r.statusCode(), r.body());
        assertEquals("stored 9 bytes for partner-hmac: item=book", r.body());
    }
}

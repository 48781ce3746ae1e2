package dev.latchkey.auth.signature.client;

import dev.latchkey.test.time.MutableClock;
import dev.latchkey.auth.signature.keys.SignatureAlgorithm;
import dev.latchkey.auth.signature.fixtures.Rfc9421Examples;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestSignerTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.ofEpochSecond(Rfc9421Examples.CREATED));

    @Test
    void whenSigningTheRfcRequestWithItsEd25519KeyThenTheRfcsSignatureResults() {
        RequestSigner signer = RequestSigner.builder("test-key-ed25519", SignatureAlgorithm.ED25519,
                        Rfc9421Examples.privateKey("Ed25519", Rfc9421Examples.ED25519_PRIVATE))
                .components("date", "@method", "@path", "@authority", "content-type", "content-length")
                .label("sig-b26").nonce(false).clock(CLOCK).build();
        Map<String, String> added = signer.headers("POST", URI.create("https://example.com/foo?param=Value&Pet=dog"),
                Map.of("Date", List.of("Tue, 20 Apr 2021 02:07:55 GMT"), "Content-Type", List.of("application/json"),
                        "Content-Length", List.of("18")), null);
        assertEquals(Rfc9421Examples.B26_INPUT, added.get("Signature-Input"));
        assertEquals(Rfc9421Examples.B26_SIGNATURE, added.get("Signature"));
    }

    @Test
    void whenJavaHttpRequestSignedThenCopyCarriesDigestAndSignature() {
        RequestSigner signer = RequestSigner.builder("ks_x", SignatureAlgorithm.HMAC_SHA256,
                SignatureAlgorithm.hmacKey(Rfc9421Examples.sharedSecret())).clock(CLOCK).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.example.com/orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpRequest signed = signer.sign(request, Rfc9421Examples.BODY.getBytes());
        assertEquals("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
                signed.headers().firstValue("Content-Digest").orElseThrow());
        String input = signed.headers().firstValue("Signature-Input").orElseThrow();
        assertTrue(input.startsWith("sig1=(\"@method\" \"@target-uri\" \"content-digest\");created=1618884473"
                + ";keyid=\"ks_x\";nonce=\""), input);
        assertEquals(18, signed.bodyPublisher().orElseThrow().contentLength());
        assertEquals("application/json", signed.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void whenKeyDoesNotSuitTheAlgorithmThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> RequestSigner.builder("k", SignatureAlgorithm.HMAC_SHA256,
                Rfc9421Examples.privateKey("Ed25519", Rfc9421Examples.ED25519_PRIVATE)));
        RequestSigner signer = RequestSigner.builder("k", SignatureAlgorithm.ED25519,
                Rfc9421Examples.privateKey("Ed25519", Rfc9421Examples.ED25519_PRIVATE)).components("x-missing").build();
        assertThrows(IllegalArgumentException.class,
                () -> signer.headers("GET", URI.create("https://a.example/"), Map.of(), null));
    }
}

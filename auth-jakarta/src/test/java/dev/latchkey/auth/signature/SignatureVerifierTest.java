package dev.latchkey.auth.signature;

import dev.latchkey.auth.signature.keys.SignatureAlgorithm;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.signature.client.RequestSigner;
import dev.latchkey.auth.signature.digest.ContentDigest;
import dev.latchkey.auth.signature.digest.DigestRejected;
import dev.latchkey.auth.signature.keys.ClientKeyStoreUnavailable;
import dev.latchkey.auth.signature.keys.IssuedKey;
import dev.latchkey.auth.signature.keys.SignatureKeys;
import dev.latchkey.auth.signature.keys.TestKeys;
import dev.latchkey.auth.state.MemoryReplayCache;
import dev.latchkey.auth.state.ReplaySettings;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static dev.latchkey.auth.signature.SignatureFixture.get;
import static dev.latchkey.auth.signature.SignatureFixture.post;
import static dev.latchkey.auth.signature.SignatureFixture.signedPost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier against RFC 9421's requirements and the attacker's checklist of issue 18. */
class SignatureVerifierTest {

    private final SignatureFixture fx = new SignatureFixture();

    private AuthError rejected(SignatureFixture f, RequestComponents request) {
        return assertThrows(AuthenticationFailure.class, () -> f.verifier.verify(request)).error();
    }

    private AuthError rejected(RequestComponents request) {
        return rejected(fx, request);
    }

    private static Map<String, List<String>> with(Map<String, List<String>> headers, String name, String... lines) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.put(name, List.of(lines));
        return copy;
    }

    @Test
    void whenSignedWithEachAlgorithmThenVerifiedAsTheKeysClient() {
        KeyPair ec = TestKeys.p256();
        KeyPair rsa = TestKeys.rsa(2048);
        IssuedKey ecKey = fx.service.registerPublicKey("ec", TestKeys.pem(ec.getPublic()), Set.of(), Set.of(), null);
        IssuedKey rsaKey = fx.service.registerPublicKey("rsa", TestKeys.pem(rsa.getPublic()), Set.of(), Set.of(), null);
        Map<String, RequestSigner> signers = Map.of(
                "partner-ed", fx.edSigner().build(),
                "partner-hmac", fx.hmacSigner().build(),
                "ec", RequestSigner.builder(ecKey.keyId(), SignatureAlgorithm.ECDSA_P256_SHA256, ec.getPrivate())
                        .clock(fx.clock).build(),
                "rsa", RequestSigner.builder(rsaKey.keyId(), SignatureAlgorithm.RSA_PSS_SHA512, rsa.getPrivate())
                        .clock(fx.clock).includeAlg(true).build());
        signers.forEach((client, signer) -> {
            VerifiedSignature v = fx.verifier.verify(post(signedPost(signer, Map.of()))).orElseThrow();
            assertEquals(client, v.key().record().client());
            assertTrue(v.coversContentDigest());
        });
        assertEquals(Set.of("orders:write"), fx.verifier.verify(post(signedPost(fx.hmacSigner().build(), Map.of())))
                .orElseThrow().key().record().scopes());
    }

    @Test
    void whenNoSignatureThenNoCredential() {
        assertTrue(fx.verifier.verify(get(Map.of("Accept", List.of("*/*")))).isEmpty());
    }

    @Test
    void whenNonceReplayedThenRejectedButFreshNonceAccepted() {
        Map<String, List<String>> headers = signedPost(fx.edSigner().build(), Map.of());
        fx.verifier.verify(post(headers)).orElseThrow();
        AuthError replay = rejected(post(headers));
        assertEquals(401, replay.status());
        assertEquals("nonce already used", replay.description());
        fx.verifier.verify(post(signedPost(fx.edSigner().build(), Map.of()))).orElseThrow();
    }

    /** Review finding 7: at the last accepted instant (created + 300 s + 30 s skew) a replay is still refused. */
    @Test
    void whenNonceReplayedAtTheLastInstantOfTheWindowThenRejected() {
        Map<String, List<String>> headers = signedPost(fx.edSigner().build(), Map.of());
        fx.verifier.verify(post(headers)).orElseThrow();
        fx.clock.advance(java.time.Duration.ofSeconds(330));
        assertEquals("nonce already used", rejected(post(headers)).description());
    }

    @Test
    void whenNonceRequiredAndAbsentThenRejected() {
        SignatureFixture strict = new SignatureFixture(Map.of("latchkey.signature.require-nonce", "true"));
        AuthError e = rejected(strict, post(signedPost(strict.edSigner().nonce(false).build(), Map.of())));
        assertEquals("signature has no nonce", e.description());
    }

    @Test
    void whenCreatedStaleOrInTheFutureOrExpiredThenRejected() {
        Map<String, List<String>> headers = signedPost(fx.edSigner().nonce(false).build(), Map.of());
        fx.clock.advance(Duration.ofMinutes(5).plusSeconds(31));
        assertTrue(rejected(post(headers)).description().startsWith("signature too old"));
        Map<String, List<String>> future = signedPost(fx.edSigner().clock(java.time.Clock.offset(fx.clock,
                Duration.ofMinutes(2))).build(), Map.of());
        assertEquals("signature created in the future", rejected(post(future)).description());
        Map<String, List<String>> expiring = signedPost(fx.edSigner().expiresIn(Duration.ofSeconds(10)).build(),
                Map.of());
        fx.clock.advance(Duration.ofSeconds(41));
        assertEquals("signature expired", rejected(post(expiring)).description());
        Map<String, List<String>> noCreated = with(headers, "Signature-Input", "sig1=(\"@method\");keyid=\""
                + fx.ed.keyId() + "\"");
        assertEquals("signature has no created parameter", rejected(post(noCreated)).description());
    }

    @Test
    void whenCreatedNotRequiredThenExpiresBoundsTheWindowToMaxAge() {
        SignatureFixture lax = new SignatureFixture(Map.of("latchkey.signature.require-created", "false"));
        Map<String, List<String>> headers = signedPost(lax.edSigner().nonce(false).build(), Map.of());
        long now = lax.clock.instant().getEpochSecond();
        String input = "sig1=(\"@method\");keyid=\"" + lax.ed.keyId() + "\"";
        assertEquals("signature has neither created nor expires",
                rejected(lax, post(with(headers, "Signature-Input", input))).description(), "it would never expire");
        assertEquals("signature expires more than 300 s after now", rejected(lax, post(with(headers,
                "Signature-Input", input + ";expires=" + (now + 86_400)))).description());
        assertEquals("signature expires more than 300 s after its creation", rejected(post(with(headers,
                "Signature-Input", input + ";created=" + now + ";expires=" + (now + 86_400)))).description());
        assertEquals("signature does not cover required component @target-uri", rejected(lax, post(with(headers,
                "Signature-Input", input + ";expires=" + (now + 60)))).description(),
                "a bounded expires passes the window checks (and fails the next one)");
    }

    @Test
    void whenNonceOverlongThenRejectedAndTheCacheKeepsAFixedSizeHash() {
        Map<String, List<String>> headers = signedPost(fx.edSigner().build(), Map.of());
        String input = headers.get("Signature-Input").get(0).replaceAll(";nonce=\"[^\"]*\"", "")
                + ";nonce=\"" + "n".repeat(SignatureVerifier.MAX_NONCE + 1) + "\"";
        assertEquals("nonce longer than 128 characters",
                rejected(post(with(headers, "Signature-Input", input))).description());
        String id = SignatureVerifier.replayId("k".repeat(500), "n".repeat(128));
        assertEquals(43, id.length(), "SHA-256, base64url");
        assertFalse(SignatureVerifier.replayId("ab", "c").equals(SignatureVerifier.replayId("a", "bc")));
    }

    @Test
    void whenRequiredComponentMissingThenRejectedWithAcceptSignature() {
        AuthError e = rejected(post(signedPost(fx.edSigner().components("@method", "content-digest").build(),
                Map.of())));
        assertEquals(401, e.status());
        assertEquals("signature does not cover required component @target-uri", e.description());
        assertEquals("sig1=(\"@method\" \"@target-uri\" \"content-digest\");created",
                e.headers().get(AcceptSignature.FIELD));
        AuthError noDigest = rejected(post(signedPost(fx.edSigner().components("@method", "@target-uri").build(),
                Map.of())));
        assertEquals("signature does not cover required component content-digest", noDigest.description());
        // without content, content-digest is not required
        Map<String, List<String>> getHeaders = new LinkedHashMap<>();
        fx.edSigner().build().headers("GET", SignatureFixture.URI_, getHeaders, null)
                .forEach((n, v) -> getHeaders.put(n, List.of(v)));
        assertFalse(fx.verifier.verify(get(getHeaders)).orElseThrow().coversContentDigest());
    }

    @Test
    void whenBodySwappedUnderValidSignatureThenContentCheckFails() throws Exception {
        Map<String, List<String>> headers = signedPost(fx.edSigner().build(), Map.of());
        VerifiedSignature v = fx.verifier.verify(post(headers)).orElseThrow();
        assertTrue(v.coversContentDigest(), "the signature only vouches for the Content-Digest field");
        ContentDigest claimed = ContentDigest.parse(headers.get("Content-Digest"), fx.settings.digest().algorithms());
        byte[] swapped = "{\"item\":\"gold\"}".getBytes();
        DigestRejected e = assertThrows(DigestRejected.class, () -> fx.settings.digest().gate()
                .check(dev.latchkey.auth.signature.digest.BodyRequests.of(swapped), claimed));
        assertEquals(DigestRejected.Reason.MISMATCH, e.reason());
        // the digest field itself swapped: the signature fails
        Map<String, List<String>> forged = with(headers, "Content-Digest", "sha-256=:"
                + Base64.getEncoder().encodeToString(new byte[32]) + ":");
        assertEquals("invalid signature", rejected(post(forged)).description());
    }

    @Test
    void whenHeaderCaseAndWhitespaceGamesThenOnlySemanticallyEqualMessagesVerify() {
        Map<String, List<String>> headers = signedPost(fx.edSigner().components("@method", "@target-uri",
                "content-digest", "content-type").nonce(false).build(), Map.of());
        // field names are case-insensitive, and leading/trailing whitespace is not part of a field value
        Map<String, List<String>> recased = new LinkedHashMap<>();
        headers.forEach((n, v) -> recased.put(n.toUpperCase(), v));
        recased.put("CONTENT-TYPE", List.of("  application/json\t"));
        fx.verifier.verify(post(recased)).orElseThrow();
        // Signature-Input with optional whitespace reserializes to the signed @signature-params
        String input = headers.get("Signature-Input").get(0).replace("(", "(  ").replace("\" \"", "\"   \"");
        fx.verifier.verify(post(with(headers, "Signature-Input", input))).orElseThrow();
        // internal whitespace, a second line, or an upper-case component name are different messages
        assertEquals("invalid signature", rejected(post(with(headers, "Content-Type", "application/ json")))
                .description());
        assertEquals("invalid signature", rejected(post(with(headers, "Content-Type", "application/json",
                "text/plain"))).description());
        String upper = headers.get("Signature-Input").get(0).replace("\"content-type\"", "\"Content-Type\"");
        AuthError e = rejected(post(with(headers, "Signature-Input", upper)));
        assertTrue(e.description().contains("not a lowercase field name"), e.description());
    }

    @Test
    void whenLabelsDuplicatedOrUnpairedThenMalformed() {
        Map<String, List<String>> headers = signedPost(fx.edSigner().build(), Map.of());
        String input = headers.get("Signature-Input").get(0);
        String sig = headers.get("Signature").get(0);
        AuthError dup = rejected(post(with(with(headers, "Signature-Input", input, input), "Signature", sig)));
        assertEquals(400, dup.status());
        assertEquals("Signature-Input repeats label sig1", dup.description());
        assertEquals(400, rejected(post(with(headers, "Signature", sig, sig))).status());
        assertEquals("Signature-Input and Signature do not carry the same labels",
                rejected(post(with(headers, "Signature", sig.replace("sig1=", "sig2=")))).description());
        assertEquals(400, rejected(post(with(headers, "Signature", "sig1=\"not bytes\""))).status());
        assertEquals(400, rejected(post(with(headers, "Signature-Input", "sig1=(\"@method\" garbage"))).status());
        assertEquals(400, rejected(post(with(new LinkedHashMap<>(Map.of()), "Signature", sig))).status());
    }

    @Test
    void whenTwoSignaturesThenAmbiguousUnlessLabelOrTagSelects() {
        Map<String, List<String>> a = signedPost(fx.edSigner().build(), Map.of());
        Map<String, List<String>> b = signedPost(fx.hmacSigner().label("proxy").build(), Map.of());
        Map<String, List<String>> both = with(with(a, "Signature-Input", a.get("Signature-Input").get(0),
                b.get("Signature-Input").get(0)), "Signature", a.get("Signature").get(0), b.get("Signature").get(0));
        assertEquals(400, rejected(post(both)).status());
        SignatureFixture byLabel = new SignatureFixture(Map.of("latchkey.signature.label", "proxy"));
        assertEquals("no signature labelled proxy", rejected(byLabel, post(a)).description());
        SignatureFixture byTag = new SignatureFixture(Map.of("latchkey.signature.tag", "orders-api"));
        Map<String, List<String>> tagged = signedPost(byTag.edSigner().tag("orders-api").build(), Map.of());
        Map<String, List<String>> untagged = signedPost(byTag.hmacSigner().label("other").build(), Map.of());
        Map<String, List<String>> mixed = with(with(tagged, "Signature-Input", tagged.get("Signature-Input").get(0),
                untagged.get("Signature-Input").get(0)), "Signature", tagged.get("Signature").get(0),
                untagged.get("Signature").get(0));
        assertEquals("partner-ed", byTag.verifier.verify(post(mixed)).orElseThrow().key().record().client());
    }

    @Test
    void whenKeyUnknownRevokedOrRotatedOutThenRejected() {
        Map<String, List<String>> unknown = signedPost(RequestSigner.builder("ks_nobody", SignatureAlgorithm.ED25519,
                fx.edPair.getPrivate()).clock(fx.clock).build(), Map.of());
        assertEquals("key not accepted", rejected(post(unknown)).description());
        fx.service.rotate(fx.hmac.keyId(), Duration.ZERO, null);
        assertEquals("key not accepted", rejected(post(signedPost(fx.hmacSigner().build(), Map.of()))).description());
        fx.service.revoke(fx.ed.keyId());
        AuthError revoked = rejected(post(signedPost(fx.edSigner().build(), Map.of())));
        assertEquals("key not accepted", revoked.description());
        assertEquals(fx.ed.keyId(), revoked.credentialId());
    }

    @Test
    void whenAlgorithmConfusedBetweenHmacAndPublicKeyThenRejected() throws Exception {
        // an HMAC "signature" made with the Ed25519 key's public bytes as the secret, under the Ed25519 key id
        byte[] publicBytes = fx.edPair.getPublic().getEncoded();
        RequestSigner forged = RequestSigner.builder(fx.ed.keyId(), SignatureAlgorithm.HMAC_SHA256,
                SignatureAlgorithm.hmacKey(java.util.Arrays.copyOf(publicBytes, 44))).clock(fx.clock)
                .includeAlg(true).build();
        assertEquals("alg does not match the key's algorithm", rejected(post(signedPost(forged, Map.of())))
                .description());
        RequestSigner forgedNoAlg = RequestSigner.builder(fx.ed.keyId(), SignatureAlgorithm.HMAC_SHA256,
                SignatureAlgorithm.hmacKey(java.util.Arrays.copyOf(publicBytes, 44))).clock(fx.clock).build();
        assertEquals("invalid signature", rejected(post(signedPost(forgedNoAlg, Map.of()))).description());
        // an Ed25519 signature presented under the HMAC key id, claiming ed25519
        RequestSigner other = RequestSigner.builder(fx.hmac.keyId(), SignatureAlgorithm.ED25519,
                fx.edPair.getPrivate()).clock(fx.clock).includeAlg(true).build();
        assertEquals("alg does not match the key's algorithm", rejected(post(signedPost(other, Map.of())))
                .description());
        SignatureFixture edOnly = new SignatureFixture(Map.of("latchkey.signature.algorithms", "ed25519"));
        assertEquals("key not accepted",
                rejected(edOnly, post(signedPost(edOnly.hmacSigner().build(), Map.of()))).description());
    }

    @Test
    void whenCoveredComponentTamperedThenInvalidSignature() {
        Map<String, List<String>> headers = signedPost(fx.edSigner().nonce(false).build(), Map.of());
        assertEquals("invalid signature", rejected(new UriRequestComponents("PUT", SignatureFixture.URI_, headers,
                true)).description());
        assertEquals("invalid signature", rejected(new UriRequestComponents("POST",
                java.net.URI.create("https://api.example.com/orders?id=8"), headers, true)).description());
        String sig = headers.get("Signature").get(0);
        String flipped = sig.substring(0, 10) + (sig.charAt(10) == 'A' ? 'B' : 'A') + sig.substring(11);
        assertEquals("invalid signature", rejected(post(with(headers, "Signature", flipped))).description());
    }

    @Test
    void whenRegistryUnavailableThen503NotUnknown() {
        SignatureKeys failing = new SignatureKeys(new dev.latchkey.auth.signature.keys.InMemoryClientKeyStore() {
            @Override
            public java.util.Optional<dev.latchkey.auth.signature.keys.ClientKeyRecord> findById(String keyId) {
                throw new ClientKeyStoreUnavailable("database down", null);
            }
        }, null, Duration.ofSeconds(30), Duration.ofSeconds(5), 10, fx.clock);
        SignatureVerifier verifier = new SignatureVerifier(fx.settings, failing, new MemoryReplayCache(ReplaySettings.uniform(10, 10), fx.clock),
                fx.clock);
        AuthError e = assertThrows(AuthenticationFailure.class,
                () -> verifier.verify(post(signedPost(fx.edSigner().build(), Map.of())))).error();
        assertEquals(503, e.status());
    }

    @Test
    void whenRequestValuesReachTheDescriptionThenTheyAreFiltered() {
        Map<String, List<String>> headers = signedPost(fx.edSigner().build(), Map.of());
        Function<String, AuthError> withInput = i -> rejected(post(with(headers, "Signature-Input", i)));
        AuthError e = withInput.apply("sig1=(\"@method\" \"x-\\\"quoted\\\\\" \"@target-uri\" \"content-digest\")"
                + ";created=" + fx.clock.instant().getEpochSecond() + ";keyid=\"" + fx.ed.keyId() + "\"");
        assertEquals(401, e.status());
        assertFalse(e.description().contains("\""));
        assertFalse(e.description().contains("\\"));
    }
}

package dev.latchkey.auth.dpop;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.error.ErrorCodes;
import dev.latchkey.auth.error.WwwAuthenticate;
import dev.latchkey.test.time.MutableClock;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import dev.latchkey.auth.state.MemoryReplayCache;
import dev.latchkey.auth.state.ReplaySettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.latchkey.auth.dpop.DPoPProofs.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 9449 §4.3 proof checks, with proofs from oauth2-oidc-sdk, from the RFC, and the attacker's checklist. */
class DPoPProofVerifierTest {

    private static final String URI = "https://api.example.com/orders";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final ECKey key = DPoPProofs.ecKey();
    private DPoPProofVerifier verifier = verifier(Map.of());

    private DPoPProofVerifier verifier(Map<String, String> properties) {
        Map<String, String> withOrigins = new java.util.HashMap<>(properties);
        withOrigins.putIfAbsent(DPoPSettings.ORIGINS, "https://api.example.com, https://resource.example.org");
        DPoPSettings settings = DPoPSettings.from(new ConfigReader(TestConfig.of(withOrigins)));
        return new DPoPProofVerifier(settings, DPoPNonces.of(settings, clock), new MemoryReplayCache(ReplaySettings.uniform(1000, 1000), clock),
                clock);
    }

    private VerifiedProof verify(String proof) {
        return verifier.verify(ProofRequest.of("GET", URI, List.of(proof)), TOKEN, DPoPProofs.jkt(key));
    }

    private AuthError refused(String proof) {
        return assertThrows(AuthenticationFailure.class, () -> verify(proof)).error();
    }

    private void assertInvalidProof(String proof, String reason) {
        AuthError error = refused(proof);
        assertEquals(401, error.status());
        assertEquals(ErrorCodes.INVALID_DPOP_PROOF, error.error());
        assertEquals(reason, error.reason());
    }

    /** A proof for this request with {@code header} as given, signed by {@link #key}. */
    private String signedWith(Map<String, Object> header) {
        return DPoPProofs.signed(header, DPoPProofs.claims("GET", URI, NOW, TOKEN), key, JWSAlgorithm.ES256);
    }

    private String proof() {
        return DPoPProofs.sdk(key, JWSAlgorithm.ES256, "GET", URI, NOW, TOKEN, null);
    }

    @Test
    void whenProofFromOauth2SdkThenVerifiedWithItsThumbprint() {
        assertEquals(DPoPProofs.jkt(key), verify(proof()).jkt());
    }

    @Test
    void whenRsaAndEd25519ProofsFromOauth2SdkThenVerified() {
        RSAKey rsa = DPoPProofs.rsaKey(2048);
        for (JWSAlgorithm alg : List.of(JWSAlgorithm.PS256, JWSAlgorithm.RS256)) {
            String proof = DPoPProofs.sdk(rsa, alg, "GET", URI, NOW, TOKEN, null);
            assertEquals(DPoPProofs.jkt(rsa), verifier.verify(ProofRequest.of("GET", URI, List.of(proof)), TOKEN,
                    DPoPProofs.jkt(rsa)).jkt());
        }
        var ed = DPoPProofs.edKey();
        String proof = DPoPProofs.sdk(ed, JWSAlgorithm.EdDSA, "GET", URI, NOW, TOKEN, null);
        assertEquals(DPoPProofs.jkt(ed), verifier.verify(ProofRequest.of("GET", URI, List.of(proof)), TOKEN,
                DPoPProofs.jkt(ed)).jkt());
    }

    @Test
    void whenRfc9449ExampleThenAthAndThumbprintAsTheRfcSays() {
        // RFC 9449 §7.1, Figure 13: a request to https://resource.example.org/protectedresource at iat 1562262618,
        // and §6.1: the token's cnf.jkt for that proof's key.
        String proof = "eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6Ik"
                + "VDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCR"
                + "nMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JE"
                + "QSIsImNydiI6IlAtMjU2In19.eyJqdGkiOiJlMWozVl9iS2ljOC1MQUVCIiwiaHRtIj"
                + "oiR0VUIiwiaHR1IjoiaHR0cHM6Ly9yZXNvdXJjZS5leGFtcGxlLm9yZy9wcm90ZWN0Z"
                + "WRyZXNvdXJjZSIsImlhdCI6MTU2MjI2MjYxOCwiYXRoIjoiZlVIeU8ycjJaM0RaNTNF"
                + "c05yV0JiMHhXWG9hTnk1OUlpS0NBcWtzbVFFbyJ9.2oW9RP35yRqzhrtNP86L-Ey71E"
                + "OptxRimPPToA1plemAgR6pxHF8y6-yqyVnmcw6Fy1dqd-jfxSYoMxhAJpLjA";
        String jkt = "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I";
        assertEquals("fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo", DPoPProofVerifier.accessTokenHash(TOKEN));
        clock.set(Instant.ofEpochSecond(1562262618));
        ProofRequest request = ProofRequest.of("GET", "https://resource.example.org/protectedresource",
                List.of(proof));
        assertEquals(jkt, verifier.verify(request, TOKEN, jkt).jkt());
        AuthError replay = assertThrows(AuthenticationFailure.class, () -> verifier.verify(request, TOKEN, jkt))
                .error();
        assertEquals("dpop_replay", replay.reason());
    }

    @Test
    void whenReplayedThenRefused() {
        String proof = proof();
        verify(proof);
        assertInvalidProof(proof, "dpop_replay");
    }

    /** Review finding 7: the window's last instant (iat + 60 s + 5 s skew) still refuses a replay. */
    @Test
    void whenReplayedAtTheLastInstantOfTheWindowThenRefused() {
        String proof = proof();
        verify(proof);
        clock.advance(Duration.ofSeconds(65));
        assertInvalidProof(proof, "dpop_replay");
    }

    /**
     * Review finding 6: the identifier is kept for the window plus the clock skew (and past its last instant), so
     * that an instance whose clock lags the writer's (or a shared store's cleaner) by up to the skew still sees it.
     */
    @Test
    void whenRecordedThenKeptForTheWindowPlusTheClockSkew() {
        List<Instant> kept = new java.util.ArrayList<>();
        DPoPSettings settings = DPoPSettings.from(new ConfigReader(TestConfig.of(
                Map.of(DPoPSettings.ORIGINS, "https://api.example.com"))));
        new DPoPProofVerifier(settings, DPoPNonces.of(settings, clock), (namespace, id, expiresAt) -> kept.add(expiresAt),
                clock).verify(ProofRequest.of("GET", URI, List.of(proof())), TOKEN, DPoPProofs.jkt(key));
        assertEquals(List.of(NOW.plusSeconds(60 + 5 + 5 + 1)), kept);
    }

    @Test
    void whenRefusedForAnotherReasonThenJtiNotUsedUp() {
        String proof = proof();
        AuthError error = assertThrows(AuthenticationFailure.class, () -> verifier.verify(
                ProofRequest.of("GET", URI, List.of(proof)), TOKEN, DPoPProofs.jkt(DPoPProofs.ecKey()))).error();
        assertEquals("dpop_binding_mismatch", error.reason());
        verify(proof);
    }

    @Test
    void whenWrongMethodThenRefused() {
        assertInvalidProof(DPoPProofs.sdk(key, JWSAlgorithm.ES256, "POST", URI, NOW, TOKEN, null), "dpop_htm");
        assertInvalidProof(DPoPProofs.sdk(key, JWSAlgorithm.ES256, "get", URI, NOW, TOKEN, null), "dpop_htm");
    }

    @Test
    void whenWrongUriThenRefused() {
        for (String other : List.of("https://api.example.com/orders/1", "http://api.example.com/orders",
                "https://api.example.com:8443/orders", "https://evil.example.com/orders", "https://api.example.com/")) {
            assertInvalidProof(DPoPProofs.sdk(key, JWSAlgorithm.ES256, "GET", other, NOW, TOKEN, null), "dpop_htu");
        }
    }

    @Test
    void whenUriDiffersOnlyByQueryFragmentCaseDefaultPortOrEncodingThenAccepted() {
        for (String same : List.of("https://api.example.com/orders?page=2", "https://API.Example.com:443/orders",
                "https://api.example.com/%6Frders", "https://api.example.com/x/../orders#top")) {
            verify(DPoPProofs.signed(DPoPProofs.header(key, JWSAlgorithm.ES256),
                    DPoPProofs.claims("GET", same, NOW, TOKEN), key, JWSAlgorithm.ES256));
        }
    }

    @Test
    void whenIatStaleOrInTheFutureThenRefused() {
        assertInvalidProof(DPoPProofs.sdk(key, JWSAlgorithm.ES256, "GET", URI, NOW.minusSeconds(66), TOKEN, null),
                "dpop_iat");
        assertInvalidProof(DPoPProofs.sdk(key, JWSAlgorithm.ES256, "GET", URI, NOW.plusSeconds(6), TOKEN, null),
                "dpop_iat");
        verify(DPoPProofs.sdk(key, JWSAlgorithm.ES256, "GET", URI, NOW.minusSeconds(64), TOKEN, null));
        verify(DPoPProofs.sdk(key, JWSAlgorithm.ES256, "GET", URI, NOW.plusSeconds(5), TOKEN, null));
    }

    @Test
    void whenAthMissingOrForAnotherTokenThenRefused() {
        assertInvalidProof(DPoPProofs.sdk(key, JWSAlgorithm.ES256, "GET", URI, NOW, null, null), "dpop_ath_missing");
        assertInvalidProof(DPoPProofs.sdk(key, JWSAlgorithm.ES256, "GET", URI, NOW, "another-token", null),
                "dpop_ath");
    }

    @Test
    void whenThumbprintMismatchThenInvalidTokenWithDPoPChallenge() {
        String proof = proof();
        AuthError error = assertThrows(AuthenticationFailure.class, () -> verifier.verify(
                ProofRequest.of("GET", URI, List.of(proof)), TOKEN, DPoPProofs.jkt(DPoPProofs.ecKey()))).error();
        assertEquals(ErrorCodes.INVALID_TOKEN, error.error());
        assertEquals("DPoP realm=\"api\", error=\"invalid_token\", error_description=\"DPoP key binding does not"
                + " match\", algs=\"ES256 EdDSA PS256 RS256\"", WwwAuthenticate.challenge("api", error));
        assertThrows(AuthenticationFailure.class,
                () -> verifier.verify(ProofRequest.of("GET", URI, List.of(proof)), TOKEN, null));
    }

    @Test
    void whenPrivateKeyInHeaderThenRefused() {
        Map<String, Object> header = DPoPProofs.header(key, JWSAlgorithm.ES256);
        header.put("jwk", key.toJSONObject()); // with "d"
        assertInvalidProof(signedWith(header), "dpop_private_key");
    }

    @Test
    void whenAlgNoneThenRefused() {
        Map<String, Object> header = DPoPProofs.header(key, JWSAlgorithm.ES256);
        header.put("alg", "none");
        String unsecured = DPoPProofs.encode(header) + "." + DPoPProofs.encode(DPoPProofs.claims("GET", URI, NOW,
                TOKEN)) + ".";
        assertInvalidProof(unsecured, "dpop_proof_malformed");
    }

    @Test
    void whenHmacThenRefused() throws Exception {
        OctetSequenceKey secret = new OctetSequenceKeyGenerator(256).generate();
        Map<String, Object> claims = DPoPProofs.claims("GET", URI, NOW, TOKEN);
        Map<String, Object> withPublicKey = DPoPProofs.header(key, JWSAlgorithm.ES256);
        withPublicKey.put("alg", "HS256");
        assertInvalidProof(DPoPProofs.signed(withPublicKey, claims, secret, JWSAlgorithm.HS256), "dpop_alg");
        Map<String, Object> withSecret = DPoPProofs.header(key, JWSAlgorithm.ES256);
        withSecret.put("alg", "HS256");
        withSecret.put("jwk", secret.toJSONObject());
        assertInvalidProof(DPoPProofs.signed(withSecret, claims, secret, JWSAlgorithm.HS256), "dpop_private_key");
    }

    @Test
    void whenAlgorithmNotConfiguredThenRefused() {
        verifier = verifier(Map.of(DPoPSettings.ALGORITHMS, "PS256"));
        assertInvalidProof(proof(), "dpop_alg");
    }

    @Test
    void whenWrongTypThenRefused() {
        Map<String, Object> header = DPoPProofs.header(key, JWSAlgorithm.ES256);
        header.put("typ", "JWT");
        assertInvalidProof(signedWith(header), "dpop_typ");
        header.remove("typ");
        assertInvalidProof(signedWith(header), "dpop_typ");
    }

    @Test
    void whenKeyByReferenceOrMissingThenRefused() {
        Map<String, Object> header = DPoPProofs.header(key, JWSAlgorithm.ES256);
        header.put("jku", "https://attacker.example/jwks");
        assertInvalidProof(signedWith(header), "dpop_key_reference");
        header.remove("jku");
        header.remove("jwk");
        header.put("kid", "k1");
        assertInvalidProof(signedWith(header), "dpop_no_jwk");
    }

    @Test
    void whenSignedByAnotherKeyThenRefused() {
        Map<String, Object> header = DPoPProofs.header(key, JWSAlgorithm.ES256);
        assertInvalidProof(DPoPProofs.signed(header, DPoPProofs.claims("GET", URI, NOW, TOKEN), DPoPProofs.ecKey(),
                JWSAlgorithm.ES256), "dpop_signature");
    }

    @Test
    void whenKeyDoesNotFitAlgorithmOrIsWeakThenRefused() {
        verifier = verifier(Map.of(DPoPSettings.ALGORITHMS, "ES256,ES384,RS256"));
        Map<String, Object> header = DPoPProofs.header(key, JWSAlgorithm.ES256);
        header.put("alg", "ES384");
        assertInvalidProof(signedWith(header), "dpop_signature");
        assertInvalidProof(DPoPProofs.weakRsaSigned(weak -> DPoPProofs.header(weak, JWSAlgorithm.RS256),
                DPoPProofs.claims("GET", URI, NOW, TOKEN)), "dpop_signature");
    }

    /** A huge public exponent makes every verification slow (CPU exhaustion): at most 2^32 is accepted. */
    @Test
    void whenRsaPublicExponentHugeThenRefused() {
        java.math.BigInteger huge = java.math.BigInteger.ONE.shiftLeft(64).add(java.math.BigInteger.ONE);
        assertInvalidProof(DPoPProofs.rsaSigned(2048, huge, k -> DPoPProofs.header(k, JWSAlgorithm.RS256),
                DPoPProofs.claims("GET", URI, NOW, TOKEN)), "dpop_signature");
    }

    /** A 1024-bit modulus padded with leading zero bytes is still 1024 bits (RFC 7518 §3.3). */
    @Test
    void whenRsaModulusPaddedWithZeroBytesThenMeasuredByItsBitsAndRefused() {
        assertInvalidProof(DPoPProofs.weakRsaSigned(weak -> {
            Map<String, Object> header = DPoPProofs.header(weak, JWSAlgorithm.RS256);
            @SuppressWarnings("unchecked")
            Map<String, Object> jwk = new java.util.LinkedHashMap<>((Map<String, Object>) header.get("jwk"));
            byte[] modulus = ((com.nimbusds.jose.jwk.RSAKey) weak).getModulus().decode();
            byte[] padded = new byte[256];
            System.arraycopy(modulus, 0, padded, padded.length - modulus.length, modulus.length);
            jwk.put("n", com.nimbusds.jose.util.Base64URL.encode(padded).toString());
            header.put("jwk", jwk);
            return header;
        }, DPoPProofs.claims("GET", URI, NOW, TOKEN)), "dpop_signature");
    }

    @Test
    void whenRequiredClaimMissingThenRefused() {
        for (String claim : List.of("jti", "htm", "htu", "iat")) {
            Map<String, Object> claims = DPoPProofs.claims("GET", URI, NOW, TOKEN);
            claims.remove(claim);
            assertInvalidProof(DPoPProofs.signed(DPoPProofs.header(key, JWSAlgorithm.ES256), claims, key,
                    JWSAlgorithm.ES256), "dpop_claims");
        }
    }

    @Test
    void whenNoProofTwoProofsOversizedOrNotAJwsThenRefused() {
        String proof = proof();
        assertEquals("dpop_proof_missing", assertThrows(AuthenticationFailure.class, () -> verifier.verify(
                ProofRequest.of("GET", URI, List.of()), TOKEN, DPoPProofs.jkt(key))).error().reason());
        assertEquals("dpop_proof_duplicate", assertThrows(AuthenticationFailure.class, () -> verifier.verify(
                ProofRequest.of("GET", URI, List.of(proof, proof)), TOKEN, DPoPProofs.jkt(key))).error().reason());
        assertInvalidProof("x".repeat(8193), "dpop_proof_too_large");
        assertInvalidProof("a.b.c.d.e", "dpop_proof_malformed");
        assertInvalidProof("not-a-jwt", "dpop_proof_malformed");
        assertInvalidProof("%%%.%%%.%%%", "dpop_proof_malformed");
    }

    @Test
    void whenNonceRequiredAndMissingThenUseDPoPNonceWithNonceHeader() {
        verifier = verifier(Map.of(DPoPSettings.NONCE_REQUIRED, "true"));
        AuthError error = refused(proof());
        assertEquals(ErrorCodes.USE_DPOP_NONCE, error.error());
        String nonce = error.headers().get(DPoPErrors.NONCE_HEADER);
        assertTrue(nonce != null && nonce.matches("[A-Za-z0-9_-]+"), nonce);
        assertTrue(WwwAuthenticate.challenge("api", error).startsWith("DPoP realm=\"api\", error=\"use_dpop_nonce\""));
        VerifiedProof ok = verify(DPoPProofs.sdk(key, JWSAlgorithm.ES256, "GET", URI, NOW, TOKEN, nonce));
        assertEquals(Map.of(), ok.responseHeaders());
    }

    @Test
    void whenNonceFromThePreviousPeriodThenAcceptedWithAFreshOne() {
        verifier = verifier(Map.of(DPoPSettings.NONCE_REQUIRED, "true", DPoPSettings.NONCE_LIFETIME, "PT1M"));
        String nonce = refused(proof()).headers().get(DPoPErrors.NONCE_HEADER);
        clock.advance(Duration.ofSeconds(61));
        Instant now = clock.instant();
        VerifiedProof ok = verify(DPoPProofs.sdk(key, JWSAlgorithm.ES256, "GET", URI, now, TOKEN, nonce));
        String fresh = ok.responseHeaders().get(DPoPErrors.NONCE_HEADER);
        assertTrue(fresh != null && !fresh.equals(nonce));
        clock.advance(Duration.ofSeconds(61));
        AuthError expired = refused(DPoPProofs.sdk(key, JWSAlgorithm.ES256, "GET", URI, clock.instant(), TOKEN,
                nonce));
        assertEquals(ErrorCodes.USE_DPOP_NONCE, expired.error());
    }

    @Test
    void whenNonceForgedOrFromAnotherSecretThenUseDPoPNonce() {
        Map<String, String> shared = new HashMap<>();
        shared.put(DPoPSettings.NONCE_REQUIRED, "true");
        shared.put(DPoPSettings.NONCE_SECRET, java.util.Base64.getEncoder().encodeToString(new byte[32]));
        verifier = verifier(shared);
        String other = new DPoPNonces(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
                20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, Duration.ofMinutes(5), clock).current();
        for (String nonce : List.of(other, "abc", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) {
            assertEquals(ErrorCodes.USE_DPOP_NONCE,
                    refused(DPoPProofs.sdk(key, JWSAlgorithm.ES256, "GET", URI, NOW, TOKEN, nonce)).error());
        }
        String sameSecret = new DPoPNonces(new byte[32], Duration.ofMinutes(5), clock).current();
        verify(DPoPProofs.sdk(key, JWSAlgorithm.ES256, "GET", URI, NOW, TOKEN, sameSecret));
    }
}

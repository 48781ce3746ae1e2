package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import dev.latchkey.auth.jwt.fixtures.Tokens;
import dev.latchkey.auth.jwt.revocation.InMemoryJtiDenylist;
import dev.latchkey.test.jwt.TestKeys;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.latchkey.auth.jwt.fixtures.Verifiers.assertRejected;
import static dev.latchkey.auth.jwt.fixtures.Verifiers.verifier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JwtVerifierTest {

    private final RSAKey rsa = TestKeys.rsa("rsa-1");
    private final ECKey ec = TestKeys.ec("ec-1");
    private final MutableClock clock = new MutableClock(Tokens.NOW);

    private Map<String, String> config(String... more) {
        JWKSet set = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()));
        return TestConfig.single(set.toString(true), more);
    }

    private JwtVerifier verifier(String... more) {
        return dev.latchkey.auth.jwt.fixtures.Verifiers.verifier(config(more), clock);
    }

    @Test
    void whenValidRs256TokenThenVerified() {
        VerifiedJwt jwt = verifier().verify(Tokens.signedBy(rsa).sign(), null);
        assertEquals("alice", jwt.claims().getSubject());
        assertEquals("jti-1", jwt.jti().orElseThrow());
        assertEquals("default", jwt.issuer());
    }

    @Test
    void whenValidEs256TokenThenVerified() {
        assertEquals("alice", verifier().verify(Tokens.signedBy(ec).sign(), null).claims().getSubject());
    }

    @Test
    void whenPs256AllowedThenPs256TokenVerified() {
        String token = Tokens.signedBy(rsa).alg(JWSAlgorithm.PS256).sign();
        assertEquals("alice", verifier("mp.jwt.verify.publickey.algorithm", "PS256,ES256").verify(token, null)
                .claims().getSubject());
    }

    @Test
    void whenPs256NotAllowedThenAlgorithmNotAllowed() {
        String token = Tokens.signedBy(rsa).alg(JWSAlgorithm.PS256).sign();
        assertRejected(JwtRejection.ALGORITHM_NOT_ALLOWED, () -> verifier().verify(token, null));
    }

    @Test
    void whenEs384AndEs512AllowedThenVerified() {
        ECKey p384 = TestKeys.ec("p384", Curve.P_384);
        ECKey p521 = TestKeys.ec("p521", Curve.P_521);
        Map<String, String> p = TestConfig.single(new JWKSet(List.of(p384.toPublicJWK(), p521.toPublicJWK())).toString(),
                "mp.jwt.verify.publickey.algorithm", "ES384,ES512");
        JwtVerifier v = dev.latchkey.auth.jwt.fixtures.Verifiers.verifier(p, clock);
        assertEquals("alice", v.verify(Tokens.signedBy(p384).sign(), null).claims().getSubject());
        assertEquals("alice", v.verify(Tokens.signedBy(p521).sign(), null).claims().getSubject());
    }

    @Test
    void whenEdDsaAllowedThenEd25519TokenVerified() {
        OctetKeyPair ed = TestKeys.ed25519("ed-1");
        Map<String, String> p = TestConfig.single(ed.toPublicJWK().toJSONString(),
                "mp.jwt.verify.publickey.algorithm", "EdDSA");
        JwtVerifier v = dev.latchkey.auth.jwt.fixtures.Verifiers.verifier(p, clock);
        assertEquals("alice", v.verify(Tokens.signedBy(ed).sign(), null).claims().getSubject());
    }

    @Test
    void whenExpiredThenTokenExpiredWithJti() {
        clock.advance(Duration.ofSeconds(300 + 60));
        AuthError e = assertRejected(JwtRejection.TOKEN_EXPIRED, () -> verifier().verify(Tokens.signedBy(rsa).sign(), null));
        assertEquals("jti-1", e.credentialId());
    }

    @Test
    void whenExpiredWithinSkewThenAccepted() {
        clock.advance(Duration.ofSeconds(300 + 59));
        assertEquals("alice", verifier().verify(Tokens.signedBy(rsa).sign(), null).claims().getSubject());
    }

    @Test
    void whenNoExpThenRejected() {
        String token = Tokens.signedBy(rsa).claims(b -> b.expirationTime(null)).sign();
        assertRejected(JwtRejection.MISSING_EXP, () -> verifier().verify(token, null));
    }

    @Test
    void whenNbfInFutureBeyondSkewThenNotYetValid() {
        String token = Tokens.signedBy(rsa).claims(b -> b.notBeforeTime(Date.from(Tokens.NOW.plusSeconds(61)))).sign();
        assertRejected(JwtRejection.NOT_YET_VALID, () -> verifier().verify(token, null));
    }

    @Test
    void whenNbfInFutureWithinSkewThenAccepted() {
        String token = Tokens.signedBy(rsa).claims(b -> b.notBeforeTime(Date.from(Tokens.NOW.plusSeconds(59)))).sign();
        assertEquals("alice", verifier().verify(token, null).claims().getSubject());
    }

    @Test
    void whenIatInFutureThenNotYetValid() {
        String token = Tokens.signedBy(rsa).claims(b -> b.issueTime(Date.from(Tokens.NOW.plusSeconds(120)))
                .notBeforeTime(null)).sign();
        assertRejected(JwtRejection.ISSUED_IN_FUTURE, () -> verifier().verify(token, null));
    }

    @Test
    void whenOlderThanTokenAgeThenRejectedWithoutLeeway() {
        String token = Tokens.signedBy(rsa).sign(); // iat = now - 10 s
        assertEquals("alice", verifier("mp.jwt.verify.token.age", "10").verify(token, null).claims().getSubject());
        assertRejected(JwtRejection.TOKEN_TOO_OLD, () -> verifier("mp.jwt.verify.token.age", "9").verify(token, null));
    }

    @Test
    void whenTokenAgeSetAndNoIatThenRejected() {
        String token = Tokens.signedBy(rsa).claims(b -> b.issueTime(null)).sign();
        assertRejected(JwtRejection.MISSING_IAT, () -> verifier("mp.jwt.verify.token.age", "60").verify(token, null));
    }

    @Test
    void whenWrongIssuerThenRejected() {
        String token = Tokens.signedBy(rsa).claims(b -> b.issuer("https://evil.example")).sign();
        assertRejected(JwtRejection.WRONG_ISSUER, () -> verifier().verify(token, null));
    }

    @Test
    void whenWrongAudienceThenRejected() {
        String token = Tokens.signedBy(rsa).claims(b -> b.audience("other")).sign();
        assertRejected(JwtRejection.WRONG_AUDIENCE, () -> verifier().verify(token, null));
    }

    @Test
    void whenNoAudienceClaimThenWrongAudience() {
        String token = Tokens.signedBy(rsa).claims(b -> b.audience((String) null)).sign();
        assertRejected(JwtRejection.WRONG_AUDIENCE, () -> verifier().verify(token, null));
    }

    @Test
    void whenOneOfSeveralAudiencesMatchesThenAccepted() {
        String token = Tokens.signedBy(rsa).claims(b -> b.audience(List.of("x", "api"))).sign();
        assertEquals("alice", verifier().verify(token, null).claims().getSubject());
    }

    @Test
    void whenRequiredClaimMissingThenRejected() {
        assertRejected(JwtRejection.MISSING_CLAIM, () -> verifier("latchkey.jwt.required-claims", "sub,tenant")
                .verify(Tokens.signedBy(rsa).sign(), null));
        String withTenant = Tokens.signedBy(rsa).claims(b -> b.claim("tenant", "t1")).sign();
        assertEquals("t1", verifier("latchkey.jwt.required-claims", "sub,tenant").verify(withTenant, null)
                .claims().getClaim("tenant"));
    }

    @Test
    void whenTypConfiguredThenOtherTypRejected() {
        JwtVerifier v = verifier("latchkey.jwt.typ", "at+jwt");
        assertRejected(JwtRejection.WRONG_TYPE, () -> v.verify(Tokens.signedBy(rsa).sign(), null));
        String at = Tokens.signedBy(rsa).header(h -> h.type(new JOSEObjectType("at+jwt"))).sign();
        assertEquals("alice", v.verify(at, null).claims().getSubject());
        String appAt = Tokens.signedBy(rsa).header(h -> h.type(new JOSEObjectType("application/at+JWT"))).sign();
        assertEquals("alice", v.verify(appAt, null).claims().getSubject());
    }

    @Test
    void whenCritHeaderThenRejected() {
        String token = Tokens.signedBy(rsa).header(h -> h.customParam("exp", 1).criticalParams(java.util.Set.of("exp")))
                .sign();
        assertRejected(JwtRejection.UNSUPPORTED_CRITICAL_HEADER, () -> verifier().verify(token, null));
    }

    @Test
    void whenTokenLongerThanMaxBytesThenTooLargeBeforeParsing() {
        String token = "x".repeat(8193);
        assertRejected(JwtRejection.TOO_LARGE, () -> verifier().verify(token, null));
        String big = Tokens.signedBy(rsa).claims(b -> b.claim("pad", "p".repeat(600))).sign();
        assertRejected(JwtRejection.TOO_LARGE, () -> verifier("latchkey.jwt.max-token-bytes", "512").verify(big, null));
    }

    @Test
    void whenJweThenRefused() {
        assertRejected(JwtRejection.ENCRYPTED, () -> verifier().verify("eyJhbGciOiJSU0EtT0FFUCJ9.YWE.YWE.YWE.YWE", null));
    }

    @Test
    void whenUnknownKidThenUnknownKey() {
        String token = Tokens.signedBy(TestKeys.rsa("other")).sign();
        assertRejected(JwtRejection.UNKNOWN_KEY, () -> verifier().verify(token, null));
    }

    @Test
    void whenSignedByOtherKeyWithKnownKidThenInvalidSignature() {
        RSAKey impostor = new RSAKey.Builder(TestKeys.rsa("impostor")).keyID("rsa-1").build();
        String token = Tokens.signedBy(impostor).sign();
        AuthError e = assertRejected(JwtRejection.INVALID_SIGNATURE, () -> verifier().verify(token, null));
        assertNull(e.credentialId(), "an unverified jti is not trusted for audit");
    }

    @Test
    void whenRevokedThenRejectedEvenFromCache() {
        InMemoryJtiDenylist denylist = new InMemoryJtiDenylist(clock, com.github.benmanes.caffeine.cache.Ticker.systemTicker(),
                100);
        JwtVerifier v = dev.latchkey.auth.jwt.fixtures.Verifiers.verifier(TestConfig.settings(config()), denylist, clock);
        String token = Tokens.signedBy(rsa).sign();
        v.verify(token, null);
        assertEquals(1, v.cacheSize());
        denylist.revoke(Tokens.ISSUER, "jti-1", Tokens.NOW.plusSeconds(300));
        AuthError e = assertRejected(JwtRejection.REVOKED, () -> v.verify(token, null));
        assertEquals("jti-1", e.credentialId());
    }

    @Test
    void whenCachedTokenExpiresThenNotServedFromCache() {
        JwtVerifier v = verifier();
        String token = Tokens.signedBy(rsa).sign();
        v.verify(token, null);
        assertEquals(1, v.cacheSize());
        clock.advance(Duration.ofSeconds(300 + 60));
        assertRejected(JwtRejection.TOKEN_EXPIRED, () -> v.verify(token, null));
    }

    @Test
    void whenCacheDisabledThenNothingCached() {
        JwtVerifier v = verifier("latchkey.jwt.cache.max-size", "0");
        v.verify(Tokens.signedBy(rsa).sign(), null);
        assertEquals(0, v.cacheSize());
    }

    @Test
    void whenSeveralIssuersThenKeysChosenByIssuer() {
        ECKey other = TestKeys.ec("issuer-b");
        Map<String, String> p = new HashMap<>(config());
        p.put("latchkey.jwt.issuers.b.issuer", "https://b.example");
        p.put("latchkey.jwt.issuers.b.publickey", other.toPublicJWK().toJSONString());
        p.put("latchkey.jwt.issuers.b.audiences", "api-b");
        JwtVerifier v = dev.latchkey.auth.jwt.fixtures.Verifiers.verifier(p, clock);
        String fromB = Tokens.signedBy(other).claims(b -> b.issuer("https://b.example").audience("api-b")).sign();
        assertEquals("b", v.verify(fromB, null).issuer());
        assertEquals("default", v.verify(Tokens.signedBy(rsa).sign(), null).issuer());
        // B's key claiming to be the default issuer: verified with the default issuer's keys, which lack it.
        String spoof = Tokens.signedBy(other).sign();
        assertRejected(JwtRejection.UNKNOWN_KEY, () -> v.verify(spoof, null));
        String unknownIssuer = Tokens.signedBy(rsa).claims(b -> b.issuer("https://c.example")).sign();
        assertRejected(JwtRejection.WRONG_ISSUER, () -> v.verify(unknownIssuer, null));
    }

    @Test
    void whenVerifiedThenToStringHidesToken() {
        String token = Tokens.signedBy(rsa).sign();
        VerifiedJwt jwt = verifier().verify(token, null);
        org.junit.jupiter.api.Assertions.assertFalse(jwt.toString().contains(token.substring(0, 20)));
        assertEquals(token, jwt.rawToken());
    }

    @Test
    void whenClockIsBeforeIssueThenStillChecked() {
        clock.set(Instant.parse("2020-01-01T00:00:00Z"));
        assertRejected(JwtRejection.NOT_YET_VALID, () -> verifier().verify(Tokens.signedBy(rsa).sign(), null));
    }
}

package dev.latchkey.test.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBuilderTest {

    private static final RSAKey KEY = TestKeys.rsa("builder");
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void whenNothingIsChangedThenTheTokenIsSignedAndValidForFiveMinutes() throws Exception {
        SignedJWT jwt = SignedJWT.parse(TokenBuilder.signedBy(KEY).at(NOW).sign());
        assertTrue(jwt.verify(new RSASSAVerifier(KEY.toPublicJWK())));
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals("builder", jwt.getHeader().getKeyID());
        assertEquals("JWT", jwt.getHeader().getType().getType());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(Date.from(NOW), claims.getIssueTime());
        assertEquals(Date.from(NOW.plus(Duration.ofMinutes(5))), claims.getExpirationTime());
        assertFalse(claims.getJWTID().isEmpty());
    }

    @Test
    void whenClaimsAreSetThenTheyAreSignedInOrder() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(TokenBuilder.signedBy(KEY).issuer("https://i").audience("a", "b")
                .subject("bob").scope("orders:read", "orders:write").groups("admin").claim("x", 1)
                .claims(c -> c.claim("x", 2)).sign()).getJWTClaimsSet();
        assertEquals("https://i", claims.getIssuer());
        assertEquals(List.of("a", "b"), claims.getAudience());
        assertEquals("bob", claims.getSubject());
        assertEquals("orders:read orders:write", claims.getStringClaim("scope"));
        assertEquals(List.of("admin"), claims.getStringListClaim("groups"));
        assertEquals(2L, claims.getLongClaim("x"));
    }

    @Test
    void whenExpiredOrNotYetValidThenTheTimesAreBeyondTheUsualSkew() throws Exception {
        JWTClaimsSet expired = SignedJWT.parse(TokenBuilder.signedBy(KEY).at(NOW).expired().sign()).getJWTClaimsSet();
        assertEquals(Date.from(NOW.minus(Duration.ofMinutes(10))), expired.getExpirationTime());
        assertTrue(expired.getIssueTime().before(expired.getExpirationTime()));
        JWTClaimsSet early = SignedJWT.parse(TokenBuilder.signedBy(KEY).at(NOW).notYetValid().sign())
                .getJWTClaimsSet();
        assertEquals(Date.from(NOW.plus(Duration.ofMinutes(10))), early.getNotBeforeTime());
    }

    @Test
    void whenSignedByTheWrongKeyThenTheKidIsTheIssuersButTheSignatureFails() throws Exception {
        SignedJWT forged = SignedJWT.parse(TokenBuilder.signedBy(KEY).wrongKey().sign());
        assertEquals("builder", forged.getHeader().getKeyID());
        assertFalse(forged.verify(new RSASSAVerifier(KEY.toPublicJWK())));
    }

    @Test
    void whenAnotherAlgorithmOrKeyTypeIsUsedThenItVerifiesWithIt() throws Exception {
        SignedJWT ps = SignedJWT.parse(TokenBuilder.signedBy(KEY).alg(JWSAlgorithm.PS256).sign());
        assertEquals(JWSAlgorithm.PS256, ps.getHeader().getAlgorithm());
        assertTrue(ps.verify(new RSASSAVerifier(KEY.toPublicJWK())));
        var ec = TestKeys.ec("builder-ec");
        SignedJWT es = SignedJWT.parse(TokenBuilder.signedBy(ec).sign());
        assertEquals(JWSAlgorithm.ES256, es.getHeader().getAlgorithm());
        assertTrue(es.verify(verifier(ec.toECKey().toPublicJWK())));
        SignedJWT ed = SignedJWT.parse(TokenBuilder.signedBy(TestKeys.ed25519("builder-ed")).sign());
        assertEquals(JWSAlgorithm.EdDSA, ed.getHeader().getAlgorithm());
    }

    @Test
    void whenBoundToACertificateThenCnfCarriesItsSha256Thumbprint() throws Exception {
        var cert = dev.latchkey.test.pki.TestPki.selfSigned("bound").certificate();
        String expected = Jws.b64(java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        JWTClaimsSet claims = SignedJWT.parse(TokenBuilder.signedBy(KEY).boundTo(cert).sign()).getJWTClaimsSet();
        assertEquals(java.util.Map.of("x5t#S256", expected), claims.getJSONObjectClaim("cnf"));
        assertEquals(43, expected.length());
    }

    @Test
    void whenTheHeaderIsChangedThenKidAndTypFollow() throws Exception {
        SignedJWT jwt = SignedJWT.parse(TokenBuilder.signedBy(KEY).keyId(null).type("at+jwt").sign());
        assertNull(jwt.getHeader().getKeyID());
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
    }

    @Test
    void whenUnsecuredThenAlgIsNoneAndTheSignatureEmpty() throws ParseException {
        String token = TokenBuilder.signedBy(KEY).subject("bob").unsecured();
        assertTrue(token.endsWith("."));
        assertEquals("none", com.nimbusds.jwt.JWTParser.parse(token).getHeader().getAlgorithm().getName());
    }

    @Test
    void whenUsedAsACredentialThenItSendsABearerAuthorization() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1/"));
        TokenBuilder.signedBy(KEY).subject("bob").addTo(request);
        String value = request.build().headers().firstValue("Authorization").orElseThrow();
        assertTrue(value.startsWith("Bearer ey"), value);
        assertEquals("bob", Jws.claimsOf(value.substring("Bearer ".length())).get("sub"));
    }

    private static JWSVerifier verifier(com.nimbusds.jose.jwk.ECKey key) throws JOSEException {
        return new ECDSAVerifier(key);
    }
}

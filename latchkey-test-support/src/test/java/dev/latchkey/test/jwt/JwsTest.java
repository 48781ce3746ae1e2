package dev.latchkey.test.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwsTest {

    @Test
    void whenHandWrittenJsonIsSignedThenItReachesTheTokenAsWrittenAndVerifies() throws Exception {
        RSAKey key = TestKeys.rsa("raw");
        String header = "{\"alg\":\"RS256\",\"alg\":\"RS256\",\"kid\":\"raw\"}"; // a duplicate member
        String token = Jws.signRaw(header, "{\"sub\":\"bob\"}", Jws.signer(key), JWSAlgorithm.RS256);
        String[] parts = token.split("\\.");
        assertEquals(header, new Base64URL(parts[0]).decodeToString());
        assertTrue(new RSASSAVerifier(key.toPublicJWK()).verify(new JWSHeader(JWSAlgorithm.RS256),
                (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), new Base64URL(parts[2])));
        String plain = Jws.signRaw("{\"alg\":\"RS256\"}", "{\"sub\":\"bob\"}", Jws.signer(key), JWSAlgorithm.RS256);
        assertEquals("bob", Jws.claimsOf(plain).get("sub"));
    }

    @Test
    void whenARawTokenIsMadeThenItsPartsAreUnpaddedBase64urlAndTheSignatureAsGiven() {
        assertEquals("eyJhbGciOiJub25lIn0.e30.c2ln", Jws.raw("{\"alg\":\"none\"}", "{}", "c2ln"));
        assertEquals("_-8", Jws.b64(new byte[] {(byte) 0xff, (byte) 0xef}));
        assertThrows(IllegalArgumentException.class, () -> Jws.claimsOf("not.a.token"));
    }

    @Test
    void whenTheKeyTypeIsKnownThenItsDefaultAlgorithmIsTheUsualOne() {
        assertEquals(JWSAlgorithm.RS256, Jws.defaultAlgorithm(TestKeys.rsa("alg")));
        assertEquals(JWSAlgorithm.ES256, Jws.defaultAlgorithm(TestKeys.ec("alg")));
        assertEquals(JWSAlgorithm.ES384, Jws.defaultAlgorithm(TestKeys.ec("alg", Curve.P_384)));
        assertEquals(JWSAlgorithm.ES512, Jws.defaultAlgorithm(TestKeys.ec("alg", Curve.P_521)));
        assertEquals(JWSAlgorithm.EdDSA, Jws.defaultAlgorithm(TestKeys.ed25519("alg")));
    }
}

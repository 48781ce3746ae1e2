package dev.latchkey.test.jwt;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestKeysTest {

    @Test
    void whenTheSameKidIsAskedTwiceThenTheSameKeyComesBack() {
        assertSame(TestKeys.rsa("k1"), TestKeys.rsa("k1"));
        assertSame(TestKeys.ec("k1"), TestKeys.ec("k1"));
        assertSame(TestKeys.ed25519("k1"), TestKeys.ed25519("k1"));
        assertNotEquals(TestKeys.rsa("k1").toPublicJWK(), TestKeys.rsa("k2").toPublicJWK());
    }

    @Test
    void whenAKeyIsMadeThenItHasItsKidSizeCurveAndPrivatePart() {
        RSAKey rsa = TestKeys.rsa("weak", 1024);
        assertEquals(1024, rsa.size());
        assertEquals("weak", rsa.getKeyID());
        assertTrue(rsa.isPrivate());
        assertEquals(Curve.P_384, TestKeys.ec("p384", Curve.P_384).getCurve());
        assertEquals(2048, TestKeys.newRsa("fresh").size());
    }

    @Test
    void whenAnImpostorKeyIsMadeThenItHasTheKidAndTypeButAnotherKey() {
        ECKey real = TestKeys.ec("issuer-ec");
        JWK impostor = TestKeys.newLike(real);
        assertInstanceOf(ECKey.class, impostor);
        assertEquals("issuer-ec", impostor.getKeyID());
        assertNotEquals(real.toPublicJWK(), impostor.toPublicJWK());
        assertNotEquals(TestKeys.newRsa("x").toPublicJWK(), TestKeys.newRsa("x").toPublicJWK());
    }
}

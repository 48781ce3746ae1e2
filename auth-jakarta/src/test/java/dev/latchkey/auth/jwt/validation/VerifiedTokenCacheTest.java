package dev.latchkey.auth.jwt.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class VerifiedTokenCacheTest {

    @Test
    void whenATokenIsKeyedThenTheKeyIsItsSha256() {
        // FIPS 180-2 test vector: SHA-256("abc")
        assertEquals(new VerifiedTokenCache.Key(0xba7816bf8f01cfeaL, 0x414140de5dae2223L, 0xb00361a396177a9cL,
                0xb410ff61f20015adL), VerifiedTokenCache.key("abc"));
    }

    @Test
    void whenTokensDifferThenTheirKeysDifferAndTheSameTokenKeysAlike() {
        assertEquals(VerifiedTokenCache.key("eyJ.a.b"), VerifiedTokenCache.key("eyJ.a.b"));
        assertNotEquals(VerifiedTokenCache.key("eyJ.a.b"), VerifiedTokenCache.key("eyJ.a.c"));
    }
}

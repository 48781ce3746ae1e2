package dev.latchkey.auth.apikey;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ApiKeyHasherTest {

    /** RFC 4231 §4.3, test case 2: key "Jefe". */
    private static final String RFC4231_CASE2 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    @Test
    void whenPepperedThenEveryHashIsTheRfc4231HmacNotJustTheFirst() {
        ApiKeyHasher hasher = new ApiKeyHasher("Jefe".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 3; i++) {
            assertEquals(RFC4231_CASE2, hasher.hash("what do ya want for nothing?"));
        }
        assertFalse(hasher.toString().contains("Jefe"));
    }

    @Test
    void whenNoPepperThenPlainSha256() {
        // FIPS 180-4 example "abc".
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                ApiKeyHasher.of(ApiKeySettings.defaults("live")).hash("abc"));
    }

    @Test
    void whenBuiltFromSettingsThenThePepperIsTheHmacKey() {
        String pepper = "a-server-side-pepper-of-at-least-32-chars";
        ApiKeySettings s = ApiKeySettings.defaults("live");
        ApiKeySettings peppered = new ApiKeySettings(s.environment(), s.prefixes(), Optional.of(pepper), s.header(),
                s.basicEnabled(), s.basicKeyIdEnabled(), s.queryParameterNames(), s.store(), s.file(), s.cacheTtl(), s.negativeCacheTtl(),
                s.cacheMaxSize(), s.rateLimit(), s.rateLimitMaxBuckets(), s.lastUsedFlush());
        assertEquals(new ApiKeyHasher(pepper.getBytes(StandardCharsets.UTF_8)).hash("k"),
                ApiKeyHasher.of(peppered).hash("k"));
    }
}

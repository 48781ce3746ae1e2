package dev.latchkey.auth.apikey;

import dev.latchkey.auth.apikey.fixtures.ApiKeyFixtures;
import dev.latchkey.auth.apikey.fixtures.CountingApiKeyStore;
import dev.latchkey.auth.apikey.format.ApiKeyFormat;
import dev.latchkey.auth.apikey.format.ApiKeyGenerator;
import dev.latchkey.auth.apikey.format.ParsedApiKey;
import dev.latchkey.auth.apikey.store.InMemoryApiKeyStore;
import dev.latchkey.auth.error.AuthenticationFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ApiKeyFormatTest {

    private final CountingApiKeyStore store = new CountingApiKeyStore(new InMemoryApiKeyStore());
    private final ApiKeyFixtures fx = ApiKeyFixtures.live(store);
    private final String issued = fx.service.create("billing", Set.of("read"), null).key();

    @Test
    void whenGeneratedThenItMatchesTheDocumentedLayout() {
        ParsedApiKey key = new ApiKeyGenerator(fx.format).generate("live");
        assertTrue(key.value().matches("sk_live_[0-9A-Za-z]{12}_[0-9A-Za-z]{33}[0-9A-Za-z]{6}"), key.value());
        assertEquals(60, key.value().length());
        assertEquals(key.keyId(), fx.format.parse(key.value()).keyId());
        assertEquals("live", fx.format.parse(key.value()).environment());
        assertTrue(ApiKeyFormat.SECRET_LENGTH * Math.log(62) / Math.log(2) >= 192, "at least 192 bits of secret");
    }

    @Test
    void whenManyGeneratedThenAllDistinct() {
        ApiKeyGenerator generator = new ApiKeyGenerator(fx.format);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(ids.add(generator.generate("test").keyId()));
        }
    }

    @Test
    void whenOneCharacterIsMistypedThenRejectedBeforeAnyStoreLookup() {
        int before = store.lookups();
        for (int i = 8; i < issued.length(); i++) {
            if (issued.charAt(i) == '_') {
                continue;
            }
            char replacement = issued.charAt(i) == 'a' ? 'b' : 'a';
            String typo = issued.substring(0, i) + replacement + issued.substring(i + 1);
            AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> fx.validator.validate(typo));
            assertEquals(401, f.error().status());
            assertEquals("malformed API key", f.error().description());
        }
        assertEquals(before, store.lookups(), "no store lookup for malformed keys");
    }

    @Test
    void whenTruncatedOrExtendedThenRejectedBeforeAnyStoreLookup() {
        int before = store.lookups();
        for (String bad : new String[]{issued.substring(0, issued.length() - 1), issued.substring(0, 20),
                issued + "x", issued.substring(0, 8)}) {
            AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> fx.validator.validate(bad));
            assertEquals("malformed API key", f.error().description());
        }
        assertEquals(before, store.lookups());
    }

    @Test
    void whenPrefixIsWrongThenRejectedBeforeAnyStoreLookup() {
        int before = store.lookups();
        String otherPrefix = "pk_live_" + issued.substring(8);
        assertThrows(AuthenticationFailure.class, () -> fx.validator.validate(otherPrefix));
        assertEquals(before, store.lookups());
    }

    @Test
    void whenTheIssuedKeyIsPresentedThenOneLookupFindsIt() {
        int before = store.lookups();
        assertTrue(fx.validator.validate(issued).isPresent());
        assertEquals(before + 1, store.lookups());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "sk_live_", "sk_live_\u00e9\u00e9\u00e9", "sk_test_%00%00", "\u0000", "sk_live_____"})
    void whenGarbageThenOnlyAuthenticationFailure(String garbage) {
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> fx.format.parse(garbage));
        assertEquals("invalid_token", f.error().error());
        assertThrows(AuthenticationFailure.class, () -> fx.format.parse(null));
    }

    @Test
    void whenCustomPrefixesThenTheyMapToEnvironments() {
        ApiKeyFormat custom = new ApiKeyFormat(Map.of("acme_prod_", "live", "acme_dev_", "test"));
        ParsedApiKey key = new ApiKeyGenerator(custom).generate("test");
        assertTrue(key.value().startsWith("acme_dev_"));
        assertEquals("test", custom.parse(key.value()).environment());
        assertFalse(custom.looksLikeKey(issued));
    }

    @Test
    void whenPrintedThenParsedKeyHidesTheSecret() {
        assertFalse(fx.format.parse(issued).toString().contains(issued.substring(21)));
    }
}

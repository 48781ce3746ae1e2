package dev.latchkey.auth.apikey;

import dev.latchkey.auth.apikey.store.ApiKeyRecord;
import dev.latchkey.auth.apikey.fixtures.ApiKeyFixtures;
import dev.latchkey.auth.apikey.fixtures.CountingApiKeyStore;
import dev.latchkey.auth.apikey.store.InMemoryApiKeyStore;
import dev.latchkey.auth.error.AuthenticationFailure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyServiceTest {

    private final CountingApiKeyStore store = new CountingApiKeyStore(new InMemoryApiKeyStore());
    private final ApiKeyFixtures fx = ApiKeyFixtures.live(store);

    @Test
    void whenCreatedThenKeyIsReturnedOnceAndNeverPrinted() {
        CreatedApiKey created = fx.service.create("billing-service", Set.of("orders:read"), null);
        assertTrue(created.key().startsWith("sk_live_"));
        assertFalse(created.toString().contains(created.key()));
        ApiKeyRecord listed = fx.service.list().get(0);
        assertEquals(created.keyId(), listed.keyId());
        assertFalse(listed.toString().contains(listed.hash()), "toString never shows the hash");
        assertFalse(listed.toString().contains(created.key()));
        assertEquals(Set.of("orders:read"), listed.scopes());
        assertNotEquals(created.key(), listed.hash());
    }

    @Test
    void whenRotatedThenBothWorkUntilGraceEndsThenOldIsExpired() {
        CreatedApiKey old = fx.service.create("ci", Set.of("deploy"), null);
        CreatedApiKey fresh = fx.service.rotate(old.keyId(), Duration.ofHours(1));

        assertEquals(Set.of("deploy"), fresh.record().scopes());
        assertEquals(old.keyId(), fresh.record().rotatedFrom());
        assertTrue(fx.validator.validate(old.key()).isPresent());
        assertTrue(fx.validator.validate(fresh.key()).isPresent());

        fx.clock.advance(Duration.ofMinutes(59));
        assertTrue(fx.validator.validate(old.key()).isPresent());

        fx.clock.advance(Duration.ofMinutes(1));
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> fx.validator.validate(old.key()));
        assertEquals(401, f.error().status());
        assertEquals("API key expired", f.error().description());
        assertEquals(old.keyId(), f.error().credentialId());
        assertTrue(fx.validator.validate(fresh.key()).isPresent());
    }

    @Test
    void whenRotatedTwiceThenRefused() {
        CreatedApiKey old = fx.service.create("ci", Set.of(), null);
        fx.service.rotate(old.keyId(), Duration.ofHours(1));
        assertThrows(IllegalStateException.class, () -> fx.service.rotate(old.keyId(), Duration.ofHours(1)));
        assertThrows(NoSuchElementException.class, () -> fx.service.rotate("nosuchkeyid0", Duration.ZERO));
    }

    @Test
    void whenRevokedThenRejectedAtOnce() {
        CreatedApiKey key = fx.service.create("ci", Set.of(), null);
        assertTrue(fx.validator.validate(key.key()).isPresent());
        fx.service.revoke(key.keyId());
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> fx.validator.validate(key.key()));
        assertEquals("API key revoked", f.error().description());
        assertThrows(IllegalStateException.class, () -> fx.service.rotate(key.keyId(), Duration.ZERO));
    }

    @Test
    void whenExpiryPassesThenRejectedAsExpired() {
        CreatedApiKey key = fx.service.create("temp", Set.of(), fx.clock.instant().plus(Duration.ofDays(1)));
        assertTrue(fx.validator.validate(key.key()).isPresent());
        fx.clock.advance(Duration.ofDays(1));
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> fx.validator.validate(key.key()));
        assertEquals("API key expired", f.error().description());
        assertThrows(IllegalArgumentException.class,
                () -> fx.service.create("past", Set.of(), fx.clock.instant().minusSeconds(1)));
    }

    @Test
    void whenKeyIsForAnotherEnvironmentThenRejectedSayingSoWithoutLookup() {
        String testKey = fx.unissuedKey("test");
        int before = store.lookups();
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> fx.validator.validate(testKey));
        assertEquals(401, f.error().status());
        assertEquals("API key is for the test environment", f.error().description());
        assertEquals(before, store.lookups());
    }

    @Test
    void whenKeyIsWellFormedButUnknownThenEmptyNotAnError() {
        assertTrue(fx.validator.validate(fx.unissuedKey("live")).isEmpty());
    }

    @Test
    void whenStoreIsDownThen503NeverAuthenticated() {
        CreatedApiKey key = fx.service.create("ci", Set.of(), null);
        store.setDown(true);
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> fx.validator.validate(key.key()));
        assertEquals(503, f.error().status());
        assertTrue(f.error().isServerSide());
    }

    @Test
    void whenPepperedThenHashDiffersFromPlainSha256AndStillValidates() {
        ApiKeyFixtures peppered = new ApiKeyFixtures(new InMemoryApiKeyStore(), fx.clock, "live",
                "a-server-side-pepper-of-at-least-32-chars");
        CreatedApiKey key = peppered.service.create("ci", Set.of(), null);
        assertNotEquals(fx.hasher.hash(key.key()), key.record().hash());
        assertTrue(peppered.validator.validate(key.key()).isPresent());
        assertTrue(new ApiKeyValidator(peppered.format, fx.hasher, peppered.store, "live", fx.clock)
                .validate(key.key()).isEmpty(), "without the pepper the key is unknown");
    }
}

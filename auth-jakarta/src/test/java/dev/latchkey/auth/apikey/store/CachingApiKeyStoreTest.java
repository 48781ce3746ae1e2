package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.state.LocalInvalidationBus;
import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.auth.apikey.ApiKeyValidator;
import dev.latchkey.auth.apikey.CreatedApiKey;
import dev.latchkey.auth.apikey.fixtures.ApiKeyFixtures;
import dev.latchkey.auth.apikey.fixtures.CountingApiKeyStore;
import dev.latchkey.auth.apikey.format.ApiKeyGenerator;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CachingApiKeyStoreTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final CountingApiKeyStore backend = new CountingApiKeyStore(new InMemoryApiKeyStore());
    private final CachingApiKeyStore cache = new CachingApiKeyStore(backend, Duration.ofSeconds(30),
            Duration.ofSeconds(5), 1000, clock, new LocalInvalidationBus());
    private final ApiKeyFixtures fx = new ApiKeyFixtures(cache, clock, "live", null);
    private final ApiKeyValidator validator = fx.validator;
    private final ApiKeyService service = fx.service;

    @Test
    void whenAHotKeyIsValidated100000TimesThenTheStoreIsQueriedOnce() {
        CreatedApiKey key = service.create("hot", Set.of(), null);
        for (int i = 0; i < 100_000; i++) {
            assertTrue(validator.validate(key.key()).isPresent());
        }
        assertEquals(1, backend.lookups());
    }

    @Test
    void whenTheStoreGoesDownThenCachedKeysKeepWorkingAndUncachedKeysGet503() {
        CreatedApiKey hot = service.create("hot", Set.of(), null);
        CreatedApiKey cold = service.create("cold", Set.of(), null);
        assertTrue(validator.validate(hot.key()).isPresent());
        backend.setDown(true);

        assertTrue(validator.validate(hot.key()).isPresent());
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> validator.validate(cold.key()));
        assertEquals(503, f.error().status());
        // The failure was not cached as "unknown": once the store is back, the key works.
        backend.setDown(false);
        assertTrue(validator.validate(cold.key()).isPresent());
    }

    @Test
    void whenTheTtlPassesThenTheStoreIsAskedAgain() {
        CreatedApiKey key = service.create("k", Set.of(), null);
        validator.validate(key.key());
        clock.advance(Duration.ofSeconds(29));
        validator.validate(key.key());
        assertEquals(1, backend.lookups());
        clock.advance(Duration.ofSeconds(2));
        validator.validate(key.key());
        assertEquals(2, backend.lookups());
    }

    @Test
    void whenUnknownKeysAreRetriedThenMissesAreCachedBriefly() {
        String guess = new ApiKeyGenerator(fx.format).generate("live").value();
        for (int i = 0; i < 1000; i++) {
            assertTrue(validator.validate(guess).isEmpty());
        }
        assertEquals(1, backend.lookups());
        clock.advance(Duration.ofSeconds(6));
        validator.validate(guess);
        assertEquals(2, backend.lookups());
    }

    @Test
    void whenRevokedThroughThisNodeThenRejectedImmediatelyDespiteTheCache() {
        CreatedApiKey key = service.create("k", Set.of(), null);
        assertTrue(validator.validate(key.key()).isPresent());
        service.revoke(key.keyId());
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> validator.validate(key.key()));
        assertEquals("API key revoked", f.error().description());
    }

    @Test
    void whenRevokedOnAnotherNodeThenRejectedWithinTheTtl() {
        CreatedApiKey key = service.create("k", Set.of(), null);
        assertTrue(validator.validate(key.key()).isPresent());
        // Another node shares the backend but not this cache.
        new ApiKeyFixtures(backend, clock, "live", null).service.revoke(key.keyId());
        assertTrue(validator.validate(key.key()).isPresent(), "still cached");
        clock.advance(Duration.ofSeconds(31));
        assertThrows(AuthenticationFailure.class, () -> validator.validate(key.key()));
    }

    @Test
    void whenAFloodOfDistinctGuessesFillsTheCacheThenRealKeysStayCached() {
        List<CreatedApiKey> real = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            real.add(service.create("real-" + i, Set.of(), null));
        }
        real.forEach(k -> assertTrue(validator.validate(k.key()).isPresent()));
        for (int i = 0; i < 5_000; i++) {
            String guess = fx.unissuedKey("live");
            for (int repeat = 0; repeat < 3; repeat++) { // repeated guesses look "hot" to a shared cache
                assertTrue(validator.validate(guess).isEmpty());
            }
        }
        int before = backend.lookups();
        real.forEach(k -> assertTrue(validator.validate(k.key()).isPresent()));
        assertEquals(before, backend.lookups(), "no real key was evicted by the misses");
        assertTrue(cache.cachedMisses() <= 1000, "misses are bounded: " + cache.cachedMisses());
    }
}

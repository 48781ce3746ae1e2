package dev.latchkey.bench;

import dev.latchkey.auth.apikey.ApiKeyHasher;
import dev.latchkey.auth.apikey.ApiKeyValidator;
import dev.latchkey.auth.jwt.JwtCredential;
import dev.latchkey.auth.jwt.JwtIdentityStore;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 5 (f), as a correctness check in the normal build: a hot API key is served by the cache in front of the
 * store, so 100 000 validations after the first cause no store query. The clock is fixed, so the cache TTL cannot
 * expire during the run however slow the machine (no timing in the assertion).
 */
class HotKeyStoreQueriesTest {

    private static final int REQUESTS = 100_000;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void whenHotKeyValidated100000TimesThenStoreIsNotQueriedAfterWarmUp() {
        ApiKeyFixture fixture = ApiKeyFixture.create(CLOCK);

        assertEquals(CredentialValidationResult.Status.VALID,
                fixture.identityStore.validate(fixture.credential()).getStatus());
        assertEquals(1, fixture.backend.queries(), "the first validation loads the key from the store");

        long before = fixture.backend.queries();
        int valid = 0;
        for (int i = 0; i < REQUESTS; i++) {
            if (fixture.identityStore.validate(fixture.credential()).getStatus()
                    == CredentialValidationResult.Status.VALID) {
                valid++;
            }
        }
        assertEquals(REQUESTS, valid);
        assertEquals(0, fixture.backend.queries() - before, "store queries after warm-up");
    }

    @Test
    void whenValidatorBypassesTheCacheThenEveryValidationQueriesTheStore() {
        // The counter itself works: the same key through a validator wired to the bare (counting) store.
        ApiKeyFixture fixture = ApiKeyFixture.create(CLOCK);
        ApiKeyValidator uncached = new ApiKeyValidator(fixture.format,
                ApiKeyHasher.of(fixture.settings), fixture.backend,
                fixture.settings.environment(), CLOCK);
        long before = fixture.backend.queries();
        for (int i = 0; i < 1_000; i++) {
            uncached.validate(fixture.key).orElseThrow();
        }
        assertEquals(1_000, fixture.backend.queries() - before);
    }

    @Test
    void whenFixtureBuiltThenRs256AndEs256TokensAreValidOnTheRealPath() {
        // The JWT benchmark's tokens pass Latchkey's validation (cache on and off), so its figures measure success.
        JwtFixture jwt = JwtFixture.generate();
        for (long cacheSize : new long[]{0, 10_000}) {
            JwtIdentityStore store = jwt.identityStore(cacheSize);
            for (String token : new String[]{jwt.rs256Token(), jwt.es256Token()}) {
                assertEquals(CredentialValidationResult.Status.VALID,
                        store.validate(new JwtCredential(token, null)).getStatus());
            }
        }
    }
}

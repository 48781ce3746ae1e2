package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.apikey.CreatedApiKey;
import dev.latchkey.auth.apikey.fixtures.ApiKeyFixtures;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.test.time.MutableClock;
import dev.latchkey.auth.state.LocalInvalidationBus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances' caches over one key store and one bus (a {@link LocalInvalidationBus} stands for the shared one):
 * a write made through one instance, or by a tool writing to the store directly, reaches the other's cache at once
 * instead of after its 30 s TTL.
 */
class PublishingApiKeyStoreTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    private final LocalInvalidationBus bus = new LocalInvalidationBus();
    private final ApiKeyFixtures one = instance();
    private final ApiKeyFixtures two = instance();
    /** What a command-line tool writes through: the store itself, published, no cache. */
    private final ApiKeyFixtures tool = new ApiKeyFixtures(new PublishingApiKeyStore(keys, bus), clock, "live", null);

    private ApiKeyFixtures instance() {
        return new ApiKeyFixtures(new CachingApiKeyStore(new PublishingApiKeyStore(keys, bus), Duration.ofSeconds(30),
                Duration.ofSeconds(5), 1000, clock, bus), clock, "live", null);
    }

    @Test
    void whenAKeyIsRevokedThroughOneInstanceThenTheOtherRefusesItAtOnce() {
        CreatedApiKey key = one.service.create("k", Set.of(), null);
        assertTrue(two.validator.validate(key.key()).isPresent(), "cached on two");
        one.service.revoke(key.keyId());
        assertRefused("API key revoked", key.key());
    }

    @Test
    void whenAToolRevokesOrRotatesInTheStoreDirectlyThenEveryInstanceSeesItAtOnce() {
        CreatedApiKey revoked = one.service.create("r", Set.of(), null);
        CreatedApiKey rotated = one.service.create("o", Set.of(), null);
        for (CreatedApiKey k : List.of(revoked, rotated)) {
            assertTrue(one.validator.validate(k.key()).isPresent());
            assertTrue(two.validator.validate(k.key()).isPresent());
        }
        tool.service.revoke(revoked.keyId());
        tool.service.rotate(rotated.keyId(), Duration.ZERO);
        assertRefused("API key revoked", revoked.key());
        assertRefused("API key expired", rotated.key()); // rotated out: its grace of zero has ended
    }

    private void assertRefused(String description, String key) {
        for (ApiKeyFixtures instance : List.of(one, two)) {
            assertEquals(description, assertThrows(AuthenticationFailure.class,
                    () -> instance.validator.validate(key)).error().description());
        }
    }
}

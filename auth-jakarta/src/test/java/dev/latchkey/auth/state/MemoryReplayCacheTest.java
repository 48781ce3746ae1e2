package dev.latchkey.auth.state;

import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryReplayCacheTest {

    private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");

    @Test
    void whenFullThenNewIdentifiersRefusedWith503AndLiveOnesNeverEvicted() {
        MemoryReplayCache cache = new MemoryReplayCache(3, clock);
        Instant later = clock.instant().plus(Duration.ofMinutes(5));
        assertTrue(cache.firstUse("signature", "victim", later));
        assertTrue(cache.firstUse("signature", "a", later));
        assertTrue(cache.firstUse("signature", "b", later));
        for (int i = 0; i < 100; i++) {
            int n = i;
            AuthenticationFailure f = assertThrows(AuthenticationFailure.class,
                    () -> cache.firstUse("signature", "flood" + n, later));
            assertEquals(503, f.error().status());
        }
        assertFalse(cache.firstUse("signature", "victim", later), "the first nonce is still remembered");
    }

    @Test
    void whenEntriesExpireThenRoomAgain() {
        MemoryReplayCache cache = new MemoryReplayCache(1, clock);
        assertTrue(cache.firstUse("dpop", "a", clock.instant().plusSeconds(10)));
        clock.advance(Duration.ofSeconds(11));
        assertTrue(cache.firstUse("dpop", "b", clock.instant().plusSeconds(10)));
    }
}

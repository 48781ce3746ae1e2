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
        MemoryReplayCache cache = new MemoryReplayCache(ReplaySettings.uniform(3, 3), clock);
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
        MemoryReplayCache cache = new MemoryReplayCache(ReplaySettings.uniform(1, 1), clock);
        assertTrue(cache.firstUse("dpop", "a", clock.instant().plusSeconds(10)));
        clock.advance(Duration.ofSeconds(11));
        assertTrue(cache.firstUse("dpop", "b", clock.instant().plusSeconds(10)));
    }

    @Test
    void whenOneNamespaceIsFullThenTheOtherStillAcceptsIdentifiers() {
        MemoryReplayCache cache = new MemoryReplayCache(ReplaySettings.uniform(2, 2), clock);
        Instant later = clock.instant().plusSeconds(60);
        assertTrue(cache.firstUse("signature", "a", later));
        assertTrue(cache.firstUse("signature", "b", later));
        assertThrows(AuthenticationFailure.class, () -> cache.firstUse("signature", "c", later));
        assertTrue(cache.firstUse("dpop", "a", later), "a namespace of its own");
    }

    @Test
    void whenAClientHoldsItsQuotaThenOnlyThatClientGets429UntilItsEntriesExpire() {
        MemoryReplayCache cache = new MemoryReplayCache(ReplaySettings.uniform(100, 2), clock);
        Instant later = clock.instant().plusSeconds(60);
        assertTrue(cache.firstUse("dpop", "greedy", "1", later));
        assertTrue(cache.firstUse("dpop", "greedy", "2", later));
        AuthenticationFailure quota = assertThrows(AuthenticationFailure.class,
                () -> cache.firstUse("dpop", "greedy", "3", later));
        assertEquals(429, quota.error().status());
        assertEquals("60", quota.error().headers().get("Retry-After"));
        assertFalse(cache.firstUse("dpop", "greedy", "1", later), "a replay is still a replay");
        assertTrue(cache.firstUse("dpop", "polite", "4", later), "another client is not affected");
        clock.advance(Duration.ofSeconds(61));
        assertTrue(cache.firstUse("dpop", "greedy", "5", clock.instant().plusSeconds(60)), "room once expired");
    }

    @Test
    void whenANamespaceIsFourFifthsFullThenOneWarningNamesItsProperty() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(MemoryReplayCache.class.getName());
        java.util.List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                warnings.add(java.text.MessageFormat.format(r.getMessage(), r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            MemoryReplayCache cache = new MemoryReplayCache(ReplaySettings.uniform(10, 10), clock);
            Instant later = clock.instant().plusSeconds(60);
            for (int i = 0; i < 7; i++) {
                cache.firstUse("signature", "k", "n" + i, later);
            }
            assertTrue(warnings.isEmpty(), warnings.toString());
            cache.firstUse("signature", "k", "n7", later);
            cache.firstUse("signature", "k", "n8", later);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("latchkey.state.replay.signature.max-entries"), warnings.get(0));
        } finally {
            log.removeHandler(handler);
        }
    }
}

package dev.latchkey.auth.apikey;

import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.test.time.MutableClock;
import dev.latchkey.auth.state.MemoryBucketStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyRateLimiterTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final ApiKeyRateLimiter limiter = new ApiKeyRateLimiter(Optional.of(RateLimit.parse("3/PT1M")),
            new MemoryBucketStore(100, clock));

    @Test
    void whenAKeyWithADailyLimitIdlesLongerThanTheDefaultPeriodThenItsBucketIsNotRefilled() {
        Optional<RateLimit> daily = Optional.of(RateLimit.parse("1000/P1D"));
        for (int i = 0; i < 1000; i++) {
            assertTrue(limiter.tryConsume("k", daily).orElseThrow().allowed());
        }
        assertFalse(limiter.tryConsume("k", daily).orElseThrow().allowed());

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));

        // 1000 per day refills one request every 86.4 s: after two minutes one request, not a full bucket.
        ApiKeyRateLimiter.Decision next = limiter.tryConsume("k", daily).orElseThrow();
        assertTrue(next.allowed());
        assertEquals(0, next.remaining());
        assertFalse(limiter.tryConsume("k", daily).orElseThrow().allowed());
    }

    @Test
    void whenABucketIdlesForItsWholePeriodThenItStartsFull() {
        for (int i = 0; i < 3; i++) {
            limiter.tryConsume("k", Optional.empty());
        }
        clock.advance(Duration.ofMinutes(1));
        assertEquals(2, limiter.tryConsume("k", Optional.empty()).orElseThrow().remaining());
    }

    @Test
    void whenTheKeysLimitChangesThenANewBucketWithTheNewLimitIsUsed() {
        for (int i = 0; i < 3; i++) {
            limiter.tryConsume("k", Optional.empty());
        }
        assertFalse(limiter.tryConsume("k", Optional.empty()).orElseThrow().allowed());
        ApiKeyRateLimiter.Decision raised = limiter.tryConsume("k", Optional.of(RateLimit.parse("10/PT1M")))
                .orElseThrow();
        assertTrue(raised.allowed());
        assertEquals(10, raised.limit());
        assertEquals(9, raised.remaining());
        assertEquals(8, limiter.tryConsume("k", Optional.of(RateLimit.parse("10/PT1M"))).orElseThrow().remaining());
    }

    @Test
    void whenNeitherKeyNorSettingsSetALimitThenUnlimited() {
        ApiKeyRateLimiter off = new ApiKeyRateLimiter(Optional.empty(), new MemoryBucketStore(100, clock));
        assertTrue(off.tryConsume("k", Optional.empty()).isEmpty());
        assertTrue(off.enforce("k", Optional.empty()).isEmpty());
    }
}

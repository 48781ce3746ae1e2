package dev.latchkey.auth.clock;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClockTickerTest {

    @Test
    void whenSystemClockInAnyZoneThenMonotonicSystemTicker() {
        assertSame(Ticker.systemTicker(), ClockTicker.of(Clock.systemUTC()));
        assertSame(Ticker.systemTicker(), ClockTicker.of(Clock.system(ZoneId.of("Europe/Paris"))));
        assertTrue(ClockTicker.isSystem(Clock.systemDefaultZone()));
    }

    @Test
    void whenTestClockThenTickerFollowsIt() {
        MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
        Ticker ticker = ClockTicker.of(clock);
        long before = ticker.read();
        clock.advance(Duration.ofSeconds(3));
        assertEquals(Duration.ofSeconds(3).toNanos(), ticker.read() - before);
        assertFalse(ClockTicker.isSystem(clock));
    }

    @Test
    void whenSystemClockThenNoStartupWarning() {
        assertFalse(ClockCheck.warnUnlessSystem(Clock.systemUTC()));
    }

    @Test
    void whenNonSystemClockThenStartupWarning() {
        assertTrue(ClockCheck.warnUnlessSystem(MutableClock.at("2026-01-01T00:00:00Z")));
        assertTrue(ClockCheck.warnUnlessSystem(Clock.offset(Clock.systemUTC(), Duration.ofHours(1))));
    }
}

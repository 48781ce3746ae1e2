package dev.latchkey.test.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MutableClockTest {

    @Test
    void whenMovedByHandThenItStandsWhereItWasPut() {
        MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
        assertEquals(Instant.parse("2026-01-01T12:00:00Z"), clock.instant());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Instant.parse("2026-01-01T12:05:00Z"), clock.instant());
        clock.set(Instant.EPOCH);
        assertEquals(0, clock.millis());
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertSame(clock, clock.withZone(ZoneOffset.ofHours(2)));
    }

    @Test
    void whenResetThenItStandsAtTheRealTime() {
        MutableClock clock = MutableClock.at("2000-01-01T00:00:00Z");
        Instant before = Instant.now();
        clock.reset();
        assertTrue(!clock.instant().isBefore(before));
        Instant stood = clock.instant();
        assertEquals(stood, clock.instant());
    }
}

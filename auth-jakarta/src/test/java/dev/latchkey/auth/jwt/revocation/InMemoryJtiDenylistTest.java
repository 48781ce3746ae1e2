package dev.latchkey.auth.jwt.revocation;

import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryJtiDenylistTest {

    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final MutableClock clock = new MutableClock(now);
    private final AtomicLong nanos = new AtomicLong();
    private final InMemoryJtiDenylist denylist = new InMemoryJtiDenylist(clock, nanos::get, 3);

    @Test
    void whenRevokedThenReportedPerIssuer() {
        denylist.revoke("https://a", "j1", now.plusSeconds(60));
        assertTrue(denylist.isRevoked("https://a", "j1"));
        assertFalse(denylist.isRevoked("https://b", "j1"));
        assertFalse(denylist.isRevoked("https://a", "j2"));
        assertFalse(denylist.isRevoked("https://", "aj1"), "issuer and jti do not run together");
    }

    @Test
    void whenTokenExpiryAndSkewPassThenEntryExpires() {
        denylist.revoke("https://a", "j1", now.plusSeconds(60));
        nanos.addAndGet(Duration.ofSeconds(60).plusMinutes(10).minusSeconds(1).toNanos());
        assertTrue(denylist.isRevoked("https://a", "j1"));
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertFalse(denylist.isRevoked("https://a", "j1"));
    }

    @Test
    void whenAlreadyLongExpiredThenNotStored() {
        denylist.revoke("https://a", "old", now.minus(Duration.ofHours(1)));
        assertFalse(denylist.isRevoked("https://a", "old"));
    }

    @Test
    void whenBuiltOnLatchkeyClockThenMovingThatClockExpiresEntries() {
        MutableClock latchkeyClock = new MutableClock(now);
        InMemoryJtiDenylist onClock = InMemoryJtiDenylist.of(latchkeyClock);
        onClock.revoke("https://a", "j1", now.plusSeconds(60));
        latchkeyClock.advance(Duration.ofSeconds(60).plusMinutes(10).minusSeconds(1));
        assertTrue(onClock.isRevoked("https://a", "j1"));
        latchkeyClock.advance(Duration.ofSeconds(2));
        assertFalse(onClock.isRevoked("https://a", "j1"));
    }

    /** Review finding 8: a live revocation is never evicted; a revocation beyond the bound fails loudly. */
    @Test
    void whenFullThenRevokingFailsNamingTheLimitAndNoRevocationIsEvicted() {
        for (String jti : new String[]{"j1", "j2", "j3"}) {
            denylist.revoke("https://a", jti, now.plusSeconds(60));
        }
        IllegalStateException full = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> denylist.revoke("https://a", "j4", now.plusSeconds(60)));
        assertTrue(full.getMessage().contains("3 live revocations"), full.getMessage());
        for (String jti : new String[]{"j1", "j2", "j3"}) {
            assertTrue(denylist.isRevoked("https://a", jti), jti + " is still revoked");
        }
        denylist.revoke("https://a", "j1", now.plusSeconds(90)); // already held: no new entry
        nanos.addAndGet(Duration.ofSeconds(60).plusMinutes(10).plusSeconds(1).toNanos());
        denylist.revoke("https://a", "j4", now.plusSeconds(3600));
        assertTrue(denylist.isRevoked("https://a", "j4"), "room once the others expired");
    }
}

package dev.latchkey.auth.state;

import java.time.Instant;

/**
 * Instants as {@link SharedValues} hold them: nanoseconds since the epoch in decimal (exact, and cheap to read on every
 * request, unlike an ISO-8601 date), {@code -} for none.
 */
public final class InstantText {

    private static final long NANOS = 1_000_000_000L;

    private InstantText() {
    }

    public static String text(Instant instant) {
        return instant == null ? "-" : Long.toString(instant.getEpochSecond() * NANOS + instant.getNano());
    }

    /** @return null for {@code -} */
    public static Instant instant(String text) {
        if (text.equals("-")) {
            return null;
        }
        long nanos = Long.parseLong(text);
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }
}

package dev.latchkey.auth.apikey.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Column conventions of Latchkey's tables (API keys, signature keys): word sets, nullable instants. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A space-separated column as a set; empty for null or blank. */
    public static Set<String> words(String value) {
        return value == null || value.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(value.trim().split("\\s+")));
    }

    /**
     * The instant as the database keeps it: PostgreSQL and H2 keep microseconds and <em>round</em> the rest, which
     * could store a revocation after the instant it was made (the key still accepted within that microsecond);
     * truncated here, every instant is stored at or before the one given.
     */
    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
    }

    public static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}

package dev.latchkey.auth.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.latchkey.auth.clock.ClockTicker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The single-instance {@link SharedValues}: a bounded Caffeine cache whose entries live until their own expiry; a
 * spray of fresh keys evicts the least used ones instead of growing memory.
 */
public final class MemorySharedValues implements SharedValues {

    private record Entry(String value, Instant expiresAt) {
    }

    private final Cache<String, Entry> values;
    private final Clock clock;

    public MemorySharedValues(long maxKeys, Clock clock) {
        this.clock = clock;
        this.values = Caffeine.newBuilder().maximumSize(maxKeys).ticker(ClockTicker.of(clock))
                .expireAfter(Expiry.<String, Entry>writing((key, entry) -> remaining(entry.expiresAt())))
                .executor(Runnable::run).build();
    }

    @Override
    public Optional<String> get(String key) {
        return live(values.getIfPresent(key)).map(Entry::value);
    }

    @Override
    public boolean compareAndSet(String key, Optional<String> expected, Optional<String> value, Instant expiresAt) {
        boolean[] set = {false};
        values.asMap().compute(key, (k, old) -> {
            if (!Objects.equals(live(old).map(Entry::value), expected)) {
                return old;
            }
            set[0] = true;
            return value.isPresent() && expiresAt.isAfter(clock.instant()) ? new Entry(value.get(), expiresAt) : null;
        });
        return set[0];
    }

    @Override
    public void remove(String key) {
        values.invalidate(key);
    }

    @Override
    public long size() {
        values.cleanUp();
        return values.estimatedSize();
    }

    private Optional<Entry> live(Entry entry) {
        return Optional.ofNullable(entry).filter(e -> e.expiresAt().isAfter(clock.instant()));
    }

    private Duration remaining(Instant expiresAt) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}

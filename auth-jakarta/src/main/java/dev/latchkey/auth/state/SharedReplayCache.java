package dev.latchkey.auth.state;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@link ReplayCache} of a shared store ({@code latchkey.state.store=jdbc|redis}): a first use is one atomic
 * insert-if-absent ({@link SharedValues#compareAndSet} from absent), one round-trip, so that two instances receiving the
 * same proof at once cannot both accept it. A store failure throws the 503 (never "first use").
 */
public record SharedReplayCache(SharedValues seen, Clock clock) implements ReplayCache {

    @Override
    public boolean firstUse(String namespace, String id, Instant expiresAt) {
        if (!expiresAt.isAfter(clock.instant())) {
            return true; // already expired: the caller's window check refuses it; nothing to remember
        }
        return seen.compareAndSet(namespace.length() + ":" + namespace + id, Optional.empty(), Optional.of("1"),
                expiresAt);
    }
}

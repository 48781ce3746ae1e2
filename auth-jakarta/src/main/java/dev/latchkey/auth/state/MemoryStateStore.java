package dev.latchkey.auth.state;

import java.time.Clock;

/** {@code latchkey.state.store=memory}: every namespace in this JVM, as a single instance needs (the default). */
public final class MemoryStateStore implements StateStore {

    private final Clock clock;
    private final LocalInvalidationBus bus = new LocalInvalidationBus();

    public MemoryStateStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public BucketStore buckets(String namespace, long maxKeys) {
        return new MemoryBucketStore(maxKeys, clock);
    }

    @Override
    public SharedValues values(String namespace, long maxKeys) {
        return new MemorySharedValues(maxKeys, clock);
    }

    @Override
    public InvalidationBus bus() {
        return bus;
    }

    @Override
    public String kind() {
        return StateSettings.MEMORY;
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }
}

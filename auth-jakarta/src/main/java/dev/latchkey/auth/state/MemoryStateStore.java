package dev.latchkey.auth.state;

import java.time.Clock;

/** {@code latchkey.state.store=memory}: every namespace in this JVM, as a single instance needs (the default). */
public final class MemoryStateStore extends SharedStateBase<LocalInvalidationBus> {

    private final Clock clock;

    public MemoryStateStore(Clock clock) {
        super(StateSettings.MEMORY, failures -> new LocalInvalidationBus());
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
    public void close() {
        // nothing held outside the heap
    }
}

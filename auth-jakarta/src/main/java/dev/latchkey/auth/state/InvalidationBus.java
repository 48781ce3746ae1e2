package dev.latchkey.auth.state;

/**
 * Tells every instance that something it may have cached changed: a revoked or rotated API key must be refused by all
 * instances within a second, not after their cache TTL. PostgreSQL {@code LISTEN/NOTIFY} or Redis pub/sub; in memory,
 * the listeners of this JVM. Delivery is best effort: a listener that was disconnected is told to drop everything when
 * it is connected again ({@link Listener#invalidateAll()}), and the cache TTL stays the bound.
 */
public interface InvalidationBus {

    /** Sends {@code id} to the listeners of {@code topic} on every instance. Never throws: a failure is logged. */
    void publish(String topic, String id);

    /** Registers a listener for {@code topic}; called on a thread of the bus. */
    void subscribe(String topic, Listener listener);

    /** What a cache does with an invalidation. */
    interface Listener {

        /** Drops what is cached for {@code id}. */
        void invalidate(String id);

        /** Drops everything: messages may have been missed (the bus was disconnected). */
        void invalidateAll();
    }
}

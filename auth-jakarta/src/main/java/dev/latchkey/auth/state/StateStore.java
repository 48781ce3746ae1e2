package dev.latchkey.auth.state;

/**
 * The store of state that every instance of a deployment shares ({@code latchkey.state.store}): memory (this JVM),
 * PostgreSQL or Redis. Each consumer asks for its own namespace; what it gets fails closed: an operation the store
 * cannot answer throws {@link dev.latchkey.auth.error.AuthenticationFailure} with a 503, reported once per interval.
 */
public interface StateStore extends AutoCloseable {

    /** Token buckets of {@code namespace}; {@code maxKeys} bounds the memory store only. */
    BucketStore buckets(String namespace, long maxKeys);

    /** Expiring values of {@code namespace}; {@code maxKeys} bounds the memory store only. */
    SharedValues values(String namespace, long maxKeys);

    /** Invalidation messages between instances (the memory store delivers within this JVM). */
    InvalidationBus bus();

    /** {@code memory}, {@code jdbc} or {@code redis}. */
    String kind();

    /** Releases connections and threads; never throws. */
    @Override
    void close();
}

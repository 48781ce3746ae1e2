package dev.latchkey.auth.state;

import java.util.function.Function;

/**
 * What every {@link StateStore} holds the same way: its kind, the {@link StoreFailures} that turn its outages into
 * 503s, and its invalidation bus, all fixed when it is made.
 *
 * @param <B> the bus type, which the store closes with itself
 */
public abstract class SharedStateBase<B extends InvalidationBus> implements StateStore {

    private final String kind;
    /** Reports this store's failures, named by its kind. */
    protected final StoreFailures failures;
    /** This store's bus, made from {@link #failures}. */
    protected final B bus;

    /**
     * @param kind {@code memory}, {@code jdbc} or {@code redis}
     * @param bus  makes the store's bus, given the store's failure reporter
     */
    protected SharedStateBase(String kind, Function<StoreFailures, B> bus) {
        this.kind = kind;
        this.failures = new StoreFailures(kind);
        this.bus = bus.apply(failures);
    }

    @Override
    public final B bus() {
        return bus;
    }

    @Override
    public final String kind() {
        return kind;
    }
}

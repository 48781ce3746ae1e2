package dev.latchkey.auth.cdi;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value obtained once, on first use: an identity store holds its kind's components this way, so that a store the
 * container creates for every application reads no configuration until a credential of its kind arrives (a
 * disabled kind never reads its settings).
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> source;
    private volatile T value;

    private Lazy(Supplier<? extends T> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    public static <T> Lazy<T> of(Supplier<? extends T> source) {
        return source instanceof Lazy<?> ? (Lazy<T>) source : new Lazy<>(source);
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = Objects.requireNonNull(source.get(), "lazy value");
                    value = v;
                }
            }
        }
        return v;
    }
}

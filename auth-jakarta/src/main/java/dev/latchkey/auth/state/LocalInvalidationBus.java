package dev.latchkey.auth.state;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link InvalidationBus} of one JVM, and the dispatcher the shared buses hand their messages to: a message goes
 * to every listener of its topic on the calling thread; a listener that throws does not keep the others from it.
 */
public final class LocalInvalidationBus implements InvalidationBus {

    private static final System.Logger LOG = System.getLogger(LocalInvalidationBus.class.getName());

    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();

    @Override
    public void publish(String topic, String id) {
        for (Listener listener : listeners.getOrDefault(topic, List.of())) {
            deliver(() -> listener.invalidate(id));
        }
    }

    @Override
    public void subscribe(String topic, Listener listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** Every listener drops everything (after a reconnection, when messages may have been missed). */
    public void invalidateAll() {
        listeners.values().forEach(list -> list.forEach(listener -> deliver(listener::invalidateAll)));
    }

    private static void deliver(Runnable delivery) {
        try {
            delivery.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "an invalidation listener failed", e);
        }
    }
}

package dev.latchkey.auth.apikey;

import dev.latchkey.auth.apikey.store.ApiKeyStore;
import dev.latchkey.auth.apikey.store.ApiKeyStoreUnavailable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Last-use times, written behind: {@link #touch} only updates a map (the latest instant per key id wins), and
 * {@link #flush} writes the batch with one {@link ApiKeyStore#recordLastUsed} call, every
 * {@code latchkey.api-key.last-used.flush-interval} when {@link #start started}. Never one write per request. A failed
 * flush keeps the pending times for the next one.
 */
public final class LastUsedRecorder implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LastUsedRecorder.class.getName());

    private final ApiKeyStore store;
    private final Clock clock;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    public LastUsedRecorder(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Schedules periodic flushes on a daemon thread. */
    public synchronized LastUsedRecorder start(Duration interval) {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "latchkey-api-key-last-used");
                t.setDaemon(true);
                return t;
            });
            long millis = interval.toMillis();
            executor.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    public void touch(String keyId) {
        Instant now = clock.instant();
        pending.merge(keyId, now, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Number of key ids waiting to be written. */
    public int pendingCount() {
        return pending.size();
    }

    /** Writes the pending times in one batch. @throws ApiKeyStoreUnavailable after re-queuing them */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = new HashMap<>();
        for (String id : pending.keySet()) {
            Instant when = pending.remove(id);
            if (when != null) {
                batch.put(id, when);
            }
        }
        try {
            store.recordLastUsed(batch);
        } catch (RuntimeException e) {
            batch.forEach((id, when) -> pending.merge(id, when, (a, b) -> a.isAfter(b) ? a : b));
            throw e;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot record API key last use, will retry: {0}", e.getMessage());
        }
    }

    /** Stops the schedule and writes what is pending. */
    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        flushQuietly();
    }
}

package dev.latchkey.auth.state.jdbc;

import dev.latchkey.auth.state.InvalidationBus;
import dev.latchkey.auth.state.LocalInvalidationBus;
import dev.latchkey.auth.state.StoreFailures;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * An {@link InvalidationBus} on PostgreSQL {@code LISTEN/NOTIFY}: {@link #publish} is one {@code pg_notify} on a pooled
 * connection; a daemon thread holds one connection that {@code LISTEN}s and polls it
 * ({@code PGConnection.getNotifications(timeout)}), handing each message to the listeners of this JVM. A listening
 * connection that fails is replaced (with a growing pause, up to {@link #MAX_PAUSE_MILLIS} ms); each time it is
 * (re)connected every listener drops everything, since messages sent meanwhile were lost.
 */
public final class PgNotificationBus implements InvalidationBus, AutoCloseable {

    static final String CHANNEL = "latchkey_invalidations";
    private static final int POLL_MILLIS = 250;
    /** Longest pause between two attempts to listen again: a database that is back is heard within about a second. */
    static final long MAX_PAUSE_MILLIS = 1000;
    private static final Duration VALIDATE_EVERY = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final int timeoutSeconds;
    private final StoreFailures failures;
    private final LocalInvalidationBus local = new LocalInvalidationBus();
    private final Thread listener;
    private volatile boolean closed;

    public PgNotificationBus(DataSource dataSource, int timeoutSeconds, StoreFailures failures) {
        this.dataSource = dataSource;
        this.timeoutSeconds = timeoutSeconds;
        this.failures = failures;
        this.listener = new Thread(this::listen, "latchkey-state-listener");
        listener.setDaemon(true);
    }

    /** Starts listening. */
    public PgNotificationBus start() {
        listener.start();
        return this;
    }

    @Override
    public void publish(String topic, String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setQueryTimeout(timeoutSeconds);
            ps.setString(1, CHANNEL);
            ps.setString(2, topic + ':' + id);
            ps.execute();
        } catch (SQLException | RuntimeException e) {
            failures.report("notify " + topic, e);
        }
    }

    @Override
    public void subscribe(String topic, Listener l) {
        local.subscribe(topic, l);
    }

    private void listen() {
        long pause = 100;
        while (!closed) {
            try (Connection c = dataSource.getConnection()) {
                PGConnection pg = c.unwrap(PGConnection.class);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                local.invalidateAll();
                pause = 100;
                long validated = System.nanoTime();
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            dispatch(n.getParameter());
                        }
                    }
                    if (System.nanoTime() - validated > VALIDATE_EVERY.toNanos()) {
                        if (!c.isValid(timeoutSeconds)) {
                            throw new SQLException("listening connection is no longer valid");
                        }
                        validated = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    failures.report("listen for invalidations", e);
                    sleep(pause);
                    pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
                }
            }
        }
    }

    private void dispatch(String message) {
        int colon = message.indexOf(':');
        if (colon > 0) {
            local.publish(message.substring(0, colon), message.substring(colon + 1));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        listener.interrupt();
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

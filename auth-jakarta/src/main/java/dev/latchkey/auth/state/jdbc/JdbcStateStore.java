package dev.latchkey.auth.state.jdbc;

import dev.latchkey.auth.jdbc.JdbcPool;
import dev.latchkey.auth.clock.ClockTimeMeter;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.state.BucketStore;
import dev.latchkey.auth.state.ProxyBucketStore;
import dev.latchkey.auth.state.SharedValues;
import dev.latchkey.auth.state.StateSettings;
import dev.latchkey.auth.state.SharedStateBase;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code latchkey.state.store=jdbc}: shared state in PostgreSQL. Token buckets are Bucket4j buckets kept by
 * compare-and-swap in {@code latchkey_state_buckets} ({@link JdbcCasProxyManager}); values are
 * {@link JdbcSharedValues}; invalidations are {@link PgNotificationBus}. Connections come from a HikariCP pool
 * (validated on borrow, so a database that comes back is used again without restart) or from the container's data
 * source. A daemon thread deletes expired rows once a minute.
 */
public final class JdbcStateStore extends SharedStateBase<PgNotificationBus> {

    private static final String POOL_NAME = "latchkey-state";
    private static final Duration CLEAN_EVERY = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final AutoCloseable ownedPool;
    private final Clock clock;
    private final int timeoutSeconds;
    private final JdbcCasProxyManager buckets;
    private final ScheduledExecutorService cleaner;

    /** @param ownedPool closed with this store; null when the data source is the container's */
    public JdbcStateStore(DataSource dataSource, AutoCloseable ownedPool, Duration timeout, Clock clock) {
        super(StateSettings.JDBC, failures -> new PgNotificationBus(dataSource, seconds(timeout), failures).start());
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.clock = clock;
        this.timeoutSeconds = seconds(timeout);
        this.buckets = new JdbcCasProxyManager(dataSource, timeoutSeconds, ClientSideConfig.getDefault()
                .withExpirationAfterWriteStrategy(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ZERO))
                .withClientClock(new ClockTimeMeter(clock))
                .withRequestTimeout(timeout));
        this.cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "latchkey-state-cleaner");
            t.setDaemon(true);
            return t;
        });
        cleaner.scheduleWithFixedDelay(this::removeExpired, CLEAN_EVERY.toSeconds(), CLEAN_EVERY.toSeconds(),
                TimeUnit.SECONDS);
    }

    /**
     * Opens the store of {@code settings}: the JNDI data source or a pool on the URL; creates the tables unless
     * {@code latchkey.state.jdbc.init-schema=false}.
     *
     * @throws ConfigurationException naming the property when the data source is missing or the schema cannot be made
     */
    public static JdbcStateStore open(StateSettings settings, Clock clock) {
        DataSource dataSource;
        AutoCloseable owned = null;
        if (settings.jdbcDataSource().isPresent()) {
            dataSource = JdbcPool.lookup(StateSettings.PREFIX + "jdbc.datasource", settings.jdbcDataSource().get());
        } else {
            var pool = JdbcPool.open(POOL_NAME, settings.jdbcUrl().orElseThrow(), settings.jdbcUser().orElse(null),
                    settings.jdbcPassword().orElse(null), settings.timeout(), settings.jdbcPoolMaxSize() + 1);
            dataSource = pool;
            owned = pool;
        }
        if (settings.jdbcInitSchema()) {
            try {
                createSchema(dataSource);
            } catch (SQLException e) {
                closeQuietly(owned);
                throw new ConfigurationException(StateSettings.PREFIX + "jdbc.init-schema", "cannot create the state"
                        + " tables (SQLSTATE " + e.getSQLState() + "): " + e.getMessage(), e);
            }
        }
        return new JdbcStateStore(dataSource, owned, settings.timeout(), clock);
    }

    /** Runs the shipped DDL ({@code dev/latchkey/state/schema.sql}); idempotent. */
    public static void createSchema(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // Comments go first: a ';' in one must not split a statement.
            String ddl = schema().lines().filter(l -> !l.trim().startsWith("--")).collect(Collectors.joining("\n"));
            for (String sql : ddl.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
    }

    private static String schema() {
        try (InputStream in = JdbcStateStore.class.getResourceAsStream("/dev/latchkey/state/schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/latchkey/state/schema.sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read dev/latchkey/state/schema.sql", e);
        }
    }

    @Override
    public BucketStore buckets(String namespace, long maxKeys) {
        return new ProxyBucketStore(buckets, namespace, failures);
    }

    @Override
    public SharedValues values(String namespace, long maxKeys) {
        return new JdbcSharedValues(dataSource, namespace, timeoutSeconds, clock, failures);
    }

    /** Deletes expired values and buckets (a batch of each per run). */
    void removeExpired() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM latchkey_state_values WHERE expires_at <= ?")) {
            ps.setQueryTimeout(timeoutSeconds);
            ps.setLong(1, clock.millis());
            ps.executeUpdate();
            buckets.removeExpired(10_000);
        } catch (SQLException | RuntimeException e) {
            failures.report("remove expired state", e);
        }
    }

    @Override
    public void close() {
        cleaner.shutdownNow();
        bus.close();
        closeQuietly(ownedPool);
    }

    /** The statement timeout in whole seconds, at least one. */
    private static int seconds(Duration timeout) {
        return (int) Math.max(1, timeout.toSeconds());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.getLogger(JdbcStateStore.class.getName()).log(System.Logger.Level.WARNING,
                    "closing the state connection pool failed: {0}", e.toString());
        }
    }
}

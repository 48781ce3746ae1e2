package dev.latchkey.auth.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.latchkey.auth.config.ConfigurationException;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import java.time.Duration;

/**
 * The connection pool (HikariCP) behind {@code latchkey.api-key.jdbc.url}: connections are reused instead of opened per
 * lookup, at most {@code latchkey.api-key.jdbc.pool.max-size} of them, so that a burst of lookups queues for a
 * connection instead of opening one each.
 *
 * <p>A database that accepts connections but never answers must become a 503, not a blocked request thread. Waiting
 * for a pooled connection is bounded by the query timeout ({@code connectionTimeout}); each statement carries the same
 * timeout ({@link JdbcApiKeyStore}); new connections are opened with it as driver properties (never through the
 * JVM-wide {@code DriverManager.setLoginTimeout}): all drivers get {@code loginTimeout} (seconds); PostgreSQL, whose
 * default is to wait forever, also gets {@code connectTimeout} and a {@code socketTimeout} of twice the timeout (so a
 * statement's own timeout fires first). Parameters in the URL win over these properties. The pool starts without a
 * connection (a database that is down at start-up answers 503 until it is back, as before).
 * {@link HikariConfig#toString()} is never logged by us; the password is not in any message.
 */
public final class JdbcPool {

    static final String POOL_NAME = "latchkey-api-keys";
    private static final long MIN_TIMEOUT_MS = 250;

    private JdbcPool() {
    }

    public static HikariDataSource open(String url, String user, String password, Duration timeout, int maxSize) {
        return new HikariDataSource(config(url, user, password, timeout, maxSize));
    }

    /** As {@link #open(String, String, String, Duration, int)}, a pool of another name (the shared state's). */
    public static HikariDataSource open(String poolName, String url, String user, String password, Duration timeout,
                                        int maxSize) {
        HikariConfig config = config(url, user, password, timeout, maxSize);
        config.setPoolName(poolName);
        return new HikariDataSource(config);
    }

    /**
     * The container's data source bound at {@code jndiName}.
     *
     * @throws ConfigurationException naming {@code property} when there is none
     */
    public static DataSource lookup(String property, String jndiName) {
        try {
            return (DataSource) new InitialContext().lookup(jndiName);
        } catch (NamingException | ClassCastException e) {
            throw new ConfigurationException(property, "no DataSource at '" + jndiName + "': " + e.getMessage(), e);
        }
    }

    /** The pool's configuration (package-private for tests). */
    static HikariConfig config(String url, String user, String password, Duration timeout, int maxSize) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(POOL_NAME);
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(maxSize);
        c.setMinimumIdle(Math.min(2, maxSize));
        long ms = Math.max(MIN_TIMEOUT_MS, timeout.toMillis());
        c.setConnectionTimeout(ms);
        c.setValidationTimeout(Math.max(MIN_TIMEOUT_MS, ms / 2));
        c.setInitializationFailTimeout(-1);
        long seconds = Math.max(1, timeout.toSeconds());
        c.addDataSourceProperty("loginTimeout", Long.toString(seconds));
        if (url.startsWith("jdbc:postgresql:")) {
            c.addDataSourceProperty("connectTimeout", Long.toString(seconds));
            c.addDataSourceProperty("socketTimeout", Long.toString(2 * seconds));
        }
        return c;
    }
}

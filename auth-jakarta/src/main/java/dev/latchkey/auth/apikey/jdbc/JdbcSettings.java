package dev.latchkey.auth.apikey.jdbc;

import dev.latchkey.auth.jdbc.JdbcPool;
import com.zaxxer.hikari.HikariDataSource;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Settings of {@link JdbcApiKeyStore} ({@code latchkey.api-key.jdbc.*}): exactly one of {@code datasource} (a JNDI
 * name) or {@code url} (with optional {@code user}/{@code password}); {@code init-schema} runs the shipped DDL at
 * start-up (default false); {@code query-timeout} (default PT5S): every statement's timeout and, for {@code url}, the
 * longest wait for a pooled connection; {@code pool.max-size} (default 10): connections of the {@link JdbcPool} opened
 * for {@code url} (a JNDI data source is the container's pool).
 */
public record JdbcSettings(Optional<String> dataSourceJndi, Optional<String> url, Optional<String> user,
                           Optional<String> password, boolean initSchema, Duration queryTimeout, int poolMaxSize) {

    public static final String PREFIX = "latchkey.api-key.jdbc.";

    public JdbcSettings {
        if (dataSourceJndi.isPresent() == url.isPresent()) {
            throw new ConfigurationException(PREFIX + "datasource",
                    "set exactly one of " + PREFIX + "datasource or " + PREFIX + "url when latchkey.api-key.store=jdbc");
        }
        if (queryTimeout.isNegative() || queryTimeout.toSeconds() < 1) {
            throw new ConfigurationException(PREFIX + "query-timeout", "must be at least one second");
        }
        if (poolMaxSize < 1) {
            throw new ConfigurationException(PREFIX + "pool.max-size", "must be at least 1, got " + poolMaxSize);
        }
    }

    public static JdbcSettings from(ConfigReader c) {
        return new JdbcSettings(c.string(PREFIX + "datasource"), c.string(PREFIX + "url"), c.string(PREFIX + "user"),
                c.string(PREFIX + "password"), c.bool(PREFIX + "init-schema", false),
                c.duration(PREFIX + "query-timeout", Duration.ofSeconds(5)), c.integer(PREFIX + "pool.max-size", 10));
    }

    /**
     * The data source: the JNDI one, or a new {@link JdbcPool} for {@code url}, handed to {@code owned} to be closed
     * with the application.
     *
     * @throws ConfigurationException when the JNDI name does not lead to a {@link DataSource}
     */
    public DataSource dataSource(Consumer<AutoCloseable> owned) {
        if (dataSourceJndi.isPresent()) {
            return JdbcPool.lookup(PREFIX + "datasource", dataSourceJndi.get());
        }
        HikariDataSource pool = JdbcPool.open(url.orElseThrow(), user.orElse(null), password.orElse(null),
                queryTimeout, poolMaxSize);
        owned.accept(pool);
        return pool;
    }

    @Override
    public String toString() {
        return "JdbcSettings[datasource=" + dataSourceJndi.orElse("-") + ", url="
                + url.map(u -> u.replaceAll("[?;].*", "")).orElse("-") + ", user=" + user.orElse("-")
                + ", password=" + (password.isPresent() ? "***" : "-") + ", initSchema=" + initSchema + ", poolMaxSize=" + poolMaxSize + "]";
    }
}

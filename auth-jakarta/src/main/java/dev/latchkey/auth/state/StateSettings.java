package dev.latchkey.auth.state;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the state that several instances must share lives ({@code latchkey.state.*}): per-key rate limits,
 * failed-attempt counters and lockouts, the {@code jti} denylist, replay caches and API-key revocations.
 *
 * @param store       {@code latchkey.state.store}: {@code memory} (default: this JVM only), {@code jdbc} (PostgreSQL)
 *                    or {@code redis}
 * @param jdbcDataSource {@code latchkey.state.jdbc.datasource}: JNDI name of a PostgreSQL data source; or
 * @param jdbcUrl     {@code latchkey.state.jdbc.url} (with {@code .user}, {@code .password}): a PostgreSQL URL for a
 *                    HikariCP pool of {@code .pool.max-size} connections (default 10); exactly one of the two for jdbc
 * @param jdbcInitSchema {@code latchkey.state.jdbc.init-schema} (default true): creates the state tables at start-up
 *                    ({@code dev/latchkey/state/schema.sql}, idempotent)
 * @param redisUrl    {@code latchkey.state.redis.url}: {@code redis://[:password@]host:port[/db]} or {@code rediss://}
 * @param timeout     {@code latchkey.state.timeout} (default {@code PT2S}): longest wait for the store on a request;
 *                    after it the request is answered 503
 */
public record StateSettings(String store, Optional<String> jdbcDataSource, Optional<String> jdbcUrl,
                            Optional<String> jdbcUser, Optional<String> jdbcPassword, boolean jdbcInitSchema,
                            int jdbcPoolMaxSize, Optional<String> redisUrl, Duration timeout) {

    public static final String PREFIX = "latchkey.state.";
    public static final String STORE = PREFIX + "store";
    public static final String MEMORY = "memory";
    public static final String JDBC = "jdbc";
    public static final String REDIS = "redis";

    public static final StateSettings MEMORY_DEFAULTS = new StateSettings(MEMORY, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), true, 10, Optional.empty(), Duration.ofSeconds(2));

    public StateSettings {
        if (!List.of(MEMORY, JDBC, REDIS).contains(store)) {
            throw new ConfigurationException(STORE, "expected memory, jdbc or redis, got '" + store + "'");
        }
        if (store.equals(JDBC) && jdbcDataSource.isPresent() == jdbcUrl.isPresent()) {
            throw new ConfigurationException(PREFIX + "jdbc.url", "set exactly one of " + PREFIX + "jdbc.url or "
                    + PREFIX + "jdbc.datasource when " + STORE + "=jdbc");
        }
        if (jdbcUrl.isPresent() && !jdbcUrl.get().startsWith("jdbc:")) {
            throw new ConfigurationException(PREFIX + "jdbc.url", "must be a JDBC URL of PostgreSQL (jdbc:postgresql:...)");
        }
        if (store.equals(REDIS) && redisUrl.filter(u -> u.startsWith("redis://") || u.startsWith("rediss://"))
                .isEmpty()) {
            throw new ConfigurationException(PREFIX + "redis.url",
                    "must be set to redis://host:port or rediss://host:port when " + STORE + "=redis");
        }
        if (jdbcPoolMaxSize < 1) {
            throw new ConfigurationException(PREFIX + "jdbc.pool.max-size", "must be at least 1, got " + jdbcPoolMaxSize);
        }
        if (timeout == null || timeout.toMillis() < 100) {
            throw new ConfigurationException(PREFIX + "timeout", "must be at least PT0.1S, got " + timeout);
        }
    }

    public static StateSettings from(ConfigReader c) {
        return new StateSettings(c.string(STORE, MEMORY).trim(), c.string(PREFIX + "jdbc.datasource"),
                c.string(PREFIX + "jdbc.url"), c.string(PREFIX + "jdbc.user"), c.string(PREFIX + "jdbc.password"),
                c.bool(PREFIX + "jdbc.init-schema", true), c.integer(PREFIX + "jdbc.pool.max-size", 10),
                c.string(PREFIX + "redis.url"), c.duration(PREFIX + "timeout", Duration.ofSeconds(2)));
    }

    public boolean shared() {
        return !store.equals(MEMORY);
    }

    /** Never shows a password (JDBC password, or one in the Redis URL). */
    @Override
    public String toString() {
        return "StateSettings[store=" + store + ", jdbc=" + jdbcDataSource.or(() -> jdbcUrl.map(u -> u.replaceAll("[?;].*", "")))
                .orElse("-") + ", redis=" + redisUrl.map(u -> u.replaceAll("//[^@/]*@", "//***@")).orElse("-")
                + ", timeout=" + timeout + "]";
    }
}

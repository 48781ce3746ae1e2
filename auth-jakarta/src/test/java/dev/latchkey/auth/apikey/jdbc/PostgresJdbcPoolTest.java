package dev.latchkey.auth.apikey.jdbc;

import dev.latchkey.auth.apikey.ApiKeyProducers;
import dev.latchkey.auth.apikey.ApiKeySettings;
import dev.latchkey.auth.apikey.store.ApiKeyStore;
import dev.latchkey.auth.apikey.store.ApiKeyStoreUnavailable;
import dev.latchkey.auth.config.ConfigReader;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 on a real PostgreSQL (embedded): a store configured with {@code latchkey.api-key.jdbc.url} gets a
 * connection pool (HikariCP) instead of a connection per lookup, bounded by {@code pool.max-size}, and both the wait
 * for a connection and each statement are bounded by {@code query-timeout}. Built the way the application builds it
 * ({@link ApiKeyProducers#backend}); the database's own view ({@code pg_stat_activity}) tells the connections apart.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PostgresJdbcPoolTest {

    private static final String APP = "latchkey-pool-test";
    private static EmbeddedPostgres postgres;
    private final List<AutoCloseable> pools = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void closePools() throws Exception {
        for (AutoCloseable pool : pools) {
            pool.close();
        }
    }

    private ApiKeyStore store(int maxSize) {
        Map<String, String> p = Map.of(
                "latchkey.api-key.store", "jdbc",
                "latchkey.api-key.jdbc.url", postgres.getJdbcUrl("postgres", "postgres") + "&ApplicationName=" + APP,
                "latchkey.api-key.jdbc.user", "postgres",
                "latchkey.api-key.jdbc.init-schema", "true",
                "latchkey.api-key.jdbc.query-timeout", "PT1S",
                "latchkey.api-key.jdbc.pool.max-size", Integer.toString(maxSize));
        ConfigReader config = new ConfigReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(p, "test", 500)).build());
        return ApiKeyProducers.backend(ApiKeySettings.from(config), config, pools::add);
    }

    private static DataSource admin() {
        return postgres.getPostgresDatabase();
    }

    /** Backend process ids of the store's connections, as PostgreSQL sees them. */
    private static Set<Integer> storeBackends() throws SQLException {
        Set<Integer> pids = new HashSet<>();
        try (Connection c = admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = '" + APP + "'")) {
            while (rs.next()) {
                pids.add(rs.getInt(1));
            }
        }
        return pids;
    }

    @Test
    void whenAUrlStoreServesManyLookupsThenItReusesAtMostPoolSizeConnections() throws Exception {
        ApiKeyStore store = store(2);
        for (int i = 0; i < 200; i++) {
            assertTrue(store.findByHash("guess-" + i).isEmpty());
        }
        Set<Integer> seen = storeBackends();
        assertTrue(!seen.isEmpty(), "the connections stay open between lookups");
        for (int i = 0; i < 200; i++) {
            store.findByHash("again-" + i);
        }
        seen.addAll(storeBackends());
        assertTrue(seen.size() <= 2, "at most pool.max-size connections ever served 400 lookups: " + seen);
    }

    @Test
    void whenEveryPooledConnectionIsBusyThenALookupIsUnavailableAfterTheTimeoutNotQueuedForever() throws Exception {
        ApiKeyStore store = store(1);
        assertTrue(store.findByHash("warm-up").isEmpty());
        DataSource pool = (DataSource) pools.get(0);
        try (Connection held = pool.getConnection()) {
            assertTrue(held.isValid(1));
            assertThrows(ApiKeyStoreUnavailable.class, () -> store.findByHash("waits-for-a-connection"));
        }
        assertTrue(store.findByHash("after").isEmpty(), "the connection went back to the pool");
    }

    @Test
    void whenAStatementRunsPastTheQueryTimeoutThenTheLookupIsUnavailable() throws Exception {
        ApiKeyStore store = store(2);
        assertTrue(store.findByHash("warm-up").isEmpty());
        try (Connection locker = admin().getConnection(); Statement s = locker.createStatement()) {
            locker.setAutoCommit(false);
            s.execute("LOCK TABLE latchkey_api_keys IN ACCESS EXCLUSIVE MODE");
            assertThrows(ApiKeyStoreUnavailable.class, () -> store.findByHash("blocked-by-the-lock"));
            locker.rollback();
        }
        assertTrue(store.findByHash("after").isEmpty());
    }
}

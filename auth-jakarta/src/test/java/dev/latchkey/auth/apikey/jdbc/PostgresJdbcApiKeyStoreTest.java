package dev.latchkey.auth.apikey.jdbc;

import dev.latchkey.auth.jdbc.JdbcPool;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;

/** Against a real PostgreSQL (binaries from Maven Central, started by the test; run via unshare when root). */
class PostgresJdbcApiKeyStoreTest extends JdbcApiKeyStoreContract {

    private static EmbeddedPostgres postgres;
    private static HikariDataSource pool;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (pool != null) {
            pool.close();
            pool = null;
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected DataSource dataSource() {
        if (pool == null) {
            pool = JdbcPool.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, Duration.ofSeconds(5), 4);
        }
        return pool;
    }
}

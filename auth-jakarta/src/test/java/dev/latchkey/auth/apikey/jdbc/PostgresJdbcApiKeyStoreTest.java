package dev.latchkey.auth.apikey.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import javax.sql.DataSource;
import java.io.IOException;

/** Against a real PostgreSQL (binaries from Maven Central, started by the test; run via unshare when root). */
class PostgresJdbcApiKeyStoreTest extends JdbcApiKeyStoreContract {

    private static EmbeddedPostgres postgres;

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

    @Override
    protected DataSource dataSource() {
        return new DriverManagerDataSource(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, 5);
    }
}

package dev.latchkey.auth.apikey.jdbc;

import dev.latchkey.auth.jdbc.JdbcPool;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;

import javax.sql.DataSource;
import java.time.Duration;

/** Against an in-memory H2 database, through the connection pool a {@code jdbc.url} store gets. */
class H2JdbcApiKeyStoreTest extends JdbcApiKeyStoreContract {

    private static HikariDataSource pool;

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    @Override
    protected DataSource dataSource() {
        if (pool == null) {
            pool = JdbcPool.open("jdbc:h2:mem:latchkey;DB_CLOSE_DELAY=-1", "sa", "", Duration.ofSeconds(5), 4);
        }
        return pool;
    }
}

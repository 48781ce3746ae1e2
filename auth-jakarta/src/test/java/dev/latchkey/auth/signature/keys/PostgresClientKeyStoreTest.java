package dev.latchkey.auth.signature.keys;

import com.zaxxer.hikari.HikariDataSource;
import dev.latchkey.auth.jdbc.JdbcPool;
import dev.latchkey.test.time.MutableClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/** The registry contract against a real PostgreSQL (binaries from Maven Central, started by the test). */
class PostgresClientKeyStoreTest {

    @Test
    void whenPostgresStoreUsedThenContractHolds() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             HikariDataSource pool = JdbcPool.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null,
                     Duration.ofSeconds(5), 2)) {
            JdbcClientKeyStore store = new JdbcClientKeyStore(pool, 5);
            store.createSchema();
            ClientKeyStoresTest.contract(store, new SecretSealer(SecretSealerTest.kek(9), List.of()),
                    MutableClock.at("2026-01-01T00:00:00Z"));
        }
    }
}

package dev.latchkey.auth.state;

import dev.latchkey.auth.state.fixtures.Engine;
import dev.latchkey.auth.state.fixtures.PostgresEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;

/** {@code latchkey.state.store=jdbc} on a real PostgreSQL (embedded), two instances. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PostgresStateStoreTest extends SharedStateContract {

    private static PostgresEngine postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = new PostgresEngine();
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    Engine engine() {
        return postgres;
    }
}

package dev.latchkey.jetty.it;

import dev.latchkey.jetty.it.fixtures.StateEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@code latchkey.state.store=jdbc}: two instances on one PostgreSQL (embedded, started by the test). */
class PostgresSharedStateHttpTest extends SharedStateHttpContract {

    @BeforeAll
    static void start() throws Exception {
        startBoth(StateEngine.postgres());
    }

    @AfterAll
    static void stop() throws Exception {
        stopBoth();
    }
}

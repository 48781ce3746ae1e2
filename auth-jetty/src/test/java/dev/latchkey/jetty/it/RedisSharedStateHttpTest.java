package dev.latchkey.jetty.it;

import dev.latchkey.jetty.it.fixtures.StateEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@code latchkey.state.store=redis}: two instances on one redis-server (the one embedded-redis ships, started by the test). */
class RedisSharedStateHttpTest extends SharedStateHttpContract {

    @BeforeAll
    static void start() throws Exception {
        startBoth(StateEngine.redis());
    }

    @AfterAll
    static void stop() throws Exception {
        stopBoth();
    }
}

package dev.latchkey.auth.state;

import dev.latchkey.auth.state.fixtures.Engine;
import dev.latchkey.auth.state.fixtures.RedisEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;

/** {@code latchkey.state.store=redis} on a real redis-server (the one embedded-redis ships), two instances. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RedisStateStoreTest extends SharedStateContract {

    private static RedisEngine redis;

    @BeforeAll
    static void start() throws IOException {
        redis = new RedisEngine();
    }

    @AfterAll
    static void stop() throws IOException {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    Engine engine() {
        return redis;
    }
}

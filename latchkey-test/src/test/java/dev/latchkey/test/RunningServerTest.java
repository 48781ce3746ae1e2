package dev.latchkey.test;

import dev.latchkey.test.example.MeResource;
import dev.latchkey.test.example.OrdersResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mode that targets a server already running: here one the other extension started. */
class RunningServerTest {

    @RegisterExtension
    static LatchkeyServerExtension started = LatchkeyServerExtension.serving(OrdersResource.class, MeResource.class)
            .build();

    @RegisterExtension
    LatchkeyServerExtension running = LatchkeyServerExtension.remote(started.url("/"))
            .issuer(started.issuer()).build();

    @Test
    void whenTargetingARunningServerThenRequestsGoThereWithTheSameIssuer() {
        assertTrue(running.url("/orders").startsWith(started.url("")), running.url("/orders"));
        assertEquals(200, running.get("/orders", running.jwt().scope("orders:read")).statusCode());
        assertEquals(403, running.get("/orders", running.jwt()).statusCode());
        assertEquals(401, running.get("/orders", running.jwt().wrongKey()).statusCode());
    }

    @Test
    void whenKeysOrBeansAreAskedOfARunningServerThenItSaysWhy() {
        IllegalStateException e = assertThrows(IllegalStateException.class, running::apiKeys);
        assertTrue(e.getMessage().contains("X-API-Key"), e.getMessage());
        assertThrows(IllegalStateException.class, running::users);
        assertThrows(IllegalStateException.class, () -> running.bean(Object.class));
    }
}

package dev.latchkey.test.example;

import dev.latchkey.test.LatchkeyServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's five lines, as a user writes them. */
class ReadmeExampleTest {

    @RegisterExtension
    static LatchkeyServerExtension api = LatchkeyServerExtension.serving(OrdersResource.class).build();

    @Test
    void whenTheTokenHasTheScopeThen200ElseThen403() {
        assertEquals(200, api.get("/orders", api.jwt().scope("orders:read")).statusCode());
        assertEquals(403, api.get("/orders", api.jwt()).statusCode());
    }
}

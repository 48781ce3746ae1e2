package dev.latchkey.test;

import dev.latchkey.jetty.LatchkeyServer;
import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.test.config.TestProperties;
import dev.latchkey.test.example.ApiApplication;
import dev.latchkey.test.jwt.TestIssuer;
import dev.latchkey.test.jwt.TestKeys;
import dev.latchkey.test.server.ServerClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static dev.latchkey.test.http.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Review finding 11: the kit's movable clock is enabled only in the server the kit starts. An application started
 * otherwise with the kit on its class path keeps Latchkey's system clock, whatever {@link ServerClock} is set to.
 */
class KitClockScopeTest {

    @Test
    void whenAServerIsStartedWithoutTheKitThenTheKitsClockIsNotItsClock() throws Exception {
        TestIssuer issuer = TestIssuer.of("https://idp.clock.example", null, TestKeys.newRsa("clock-scope"));
        Map<String, String> properties = new HashMap<>(issuer.properties());
        properties.put("latchkey.mechanisms", "jwt");
        ServerClock.use(Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC));
        try (TestProperties config = TestProperties.set(properties);
             LatchkeyServer server = LatchkeyJetty.builder().host("127.0.0.1").port(0)
                     .application(ApiApplication.class).start()) {
            String token = issuer.token().scope("orders:read").sign();
            assertEquals(200, get("http://127.0.0.1:" + server.httpPort().orElseThrow() + "/api/orders",
                    "Authorization", "Bearer " + token).statusCode(),
                    "a token made now is valid: the server reads the real time, not the kit's year 2000");
        } finally {
            ServerClock.reset();
        }
    }
}

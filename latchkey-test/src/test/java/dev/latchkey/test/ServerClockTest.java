package dev.latchkey.test;

import dev.latchkey.test.example.MeResource;
import dev.latchkey.test.example.OrdersResource;
import dev.latchkey.test.jwt.TokenBuilder;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A server that reads a clock the test moves; the kit's tokens are made at that clock's time. */
class ServerClockTest {

    private static final MutableClock CLOCK = MutableClock.now();

    @RegisterExtension
    static LatchkeyServerExtension api = LatchkeyServerExtension.serving(OrdersResource.class, MeResource.class)
            .clock(CLOCK).build();

    @Test
    void whenTheClockPassesAKeysExpiryThenTheKeyIs401() {
        TestApiKey key = api.apiKeys().create("short-lived", CLOCK.instant().plus(Duration.ofHours(1)),
                "orders:read");
        assertEquals(200, api.get("/orders", key).statusCode());
        CLOCK.advance(Duration.ofHours(2));
        assertEquals(401, api.get("/orders", key).statusCode());
    }

    @Test
    void whenTheClockMovesThenTokensMadeBeforeExpireAndNewOnesAreValid() {
        String before = api.jwt().scope("orders:read").sign();
        CLOCK.advance(Duration.ofMinutes(30));
        TokenBuilder now = api.jwt().scope("orders:read");
        assertEquals(401, api.get("/orders", dev.latchkey.test.http.Credential.bearer(before)).statusCode());
        assertEquals(200, api.get("/orders", now).statusCode());
        assertSame(CLOCK, api.clock());
    }

    @Test
    void whenTheServerClockIsSetThenItIsTheOneTheServerReads() {
        CLOCK.set(Instant.now().plus(Duration.ofDays(3)));
        assertEquals(200, api.get("/me", api.jwt()).statusCode());
        CLOCK.reset();
    }
}

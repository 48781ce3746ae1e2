package dev.latchkey.auth.introspection;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code latchkey.introspection.max-concurrent}: requests to the endpoint in flight are bounded; a look-up beyond the
 * bound is 503 with {@code Retry-After} at once (never queued); concurrent look-ups of one token still share one
 * request and one permit. The endpoint is a function held open by a latch: no timing.
 */
class IntrospectionLimitTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    private TokenIntrospector introspector(int maxConcurrent, CountDownLatch entered) {
        IntrospectionSettings settings = IntrospectionSettings.from(new ConfigReader(TestConfig.of(Map.of(
                IntrospectionSettings.ENDPOINT, "http://127.0.0.1:9/introspect",
                IntrospectionSettings.CLIENT_ID, "orders-api",
                IntrospectionSettings.CLIENT_SECRET, "s3cret",
                IntrospectionSettings.MAX_CONCURRENT, Integer.toString(maxConcurrent)))));
        return new TokenIntrospector(settings, token -> {
            calls.incrementAndGet();
            entered.countDown();
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new IntrospectedToken(true, Map.of("active", true, "sub", token));
        }, new MutableClock(NOW));
    }

    private static void awaitEntered(CountDownLatch entered) throws InterruptedException {
        assertTrue(entered.await(30, TimeUnit.SECONDS), "the endpoint was not reached");
    }

    @Test
    void whenMaxConcurrentRequestsInFlightThenNextIs503WithRetryAfterAndLaterOnesPass() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        TokenIntrospector introspector = introspector(2, entered);
        List<Future<IntrospectedToken>> inFlight = new ArrayList<>();
        for (String token : List.of("token-a", "token-b")) {
            inFlight.add(threads.submit(() -> introspector.check(token)));
        }
        awaitEntered(entered);
        AuthError busy = assertThrows(AuthenticationFailure.class, () -> introspector.check("token-c")).error();
        assertEquals(503, busy.status());
        assertEquals(IntrospectionLimit.RETRY_AFTER, busy.headers().get("Retry-After"));
        assertEquals("introspection_busy", busy.reason());
        assertEquals(2, calls.get()); // refused before the endpoint
        release.countDown();
        for (Future<IntrospectedToken> answer : inFlight) {
            assertTrue(answer.get(30, TimeUnit.SECONDS).active());
        }
        assertTrue(introspector.check("token-c").active()); // the permits came back
        assertEquals(3, calls.get());
    }

    @Test
    void whenOneTokenLookedUpConcurrentlyThenOneRequestAndOnePermit() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        TokenIntrospector introspector = introspector(1, entered);
        Future<IntrospectedToken> first = threads.submit(() -> introspector.check("token-a"));
        awaitEntered(entered);
        CountDownLatch secondStarted = new CountDownLatch(1);
        Future<IntrospectedToken> second = threads.submit(() -> {
            secondStarted.countDown();
            return introspector.check("token-a");
        });
        assertTrue(secondStarted.await(30, TimeUnit.SECONDS));
        assertThrows(AuthenticationFailure.class, () -> introspector.check("token-b")); // the one permit is taken
        release.countDown();
        assertEquals("token-a", first.get(30, TimeUnit.SECONDS).string("sub").orElseThrow());
        assertEquals("token-a", second.get(30, TimeUnit.SECONDS).string("sub").orElseThrow());
        assertEquals(1, calls.get());
    }
}

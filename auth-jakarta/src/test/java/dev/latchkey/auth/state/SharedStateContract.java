package dev.latchkey.auth.state;

import dev.latchkey.auth.state.select.StateStores;
import dev.latchkey.auth.jwt.revocation.SharedJtiDenylist;
import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.basic.BasicSettings;
import dev.latchkey.auth.basic.LoginThrottle;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.test.time.MutableClock;
import dev.latchkey.auth.limit.FailedAttemptLimiter;
import dev.latchkey.auth.limit.FailedAttemptSettings;
import dev.latchkey.auth.limit.KeyedBuckets;
import dev.latchkey.auth.request.ClientNetwork;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.state.fixtures.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances ({@link StateStore}s opened as an application opens them) on one real engine, started by the test:
 * what one instance counts, locks, revokes or sees is what the other does. Each test uses fresh keys.
 */
abstract class SharedStateContract {

    final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
    final String run = UUID.randomUUID().toString();
    StateStore a;
    StateStore b;

    abstract Engine engine();

    @BeforeEach
    void open() {
        a = StateStores.open(engine().settings(), clock);
        b = StateStores.open(engine().settings(), clock);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void whenTwoInstancesDrawOnOneLimitThenItHoldsInTotal() {
        RateLimit limit = new RateLimit(10, Duration.ofMinutes(1));
        KeyedBuckets onA = new KeyedBuckets(limit, a.buckets("test", 100));
        KeyedBuckets onB = new KeyedBuckets(limit, b.buckets("test", 100));
        int taken = 0;
        for (int i = 0; i < 20; i++) {
            if ((i % 2 == 0 ? onA : onB).tryTake(run).isZero()) {
                taken++;
            }
        }
        assertEquals(10, taken);
        assertFalse(onB.tryTake(run).isZero(), "empty for both");
        clock.advance(Duration.ofSeconds(6));
        assertTrue(onA.tryTake(run).isZero(), "one token refilled after a tenth of the period");
    }

    /** Concurrent requests on both instances race on one bucket: each token is taken once (compare-and-swap). */
    @Test
    void whenManyThreadsOnBothInstancesDrawOnOneLimitThenItHoldsExactly() throws Exception {
        RateLimit limit = new RateLimit(100, Duration.ofHours(1));
        List<KeyedBuckets> instances = List.of(new KeyedBuckets(limit, a.buckets("test", 100)),
                new KeyedBuckets(limit, b.buckets("test", 100)));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicInteger taken = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                KeyedBuckets instance = instances.get(t % 2);
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        if (instance.tryTake(run).isZero()) {
                            taken.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(100, taken.get(), "160 tries on a limit of 100");
    }

    @Test
    void whenBothInstancesSetTheSameKeyThenOneWinsAndBothSeeIt() {
        SharedValues onA = a.values("test", 100);
        SharedValues onB = b.values("test", 100);
        Instant later = clock.instant().plusSeconds(60);
        assertTrue(onA.compareAndSet(run, Optional.empty(), Optional.of("x"), later));
        assertFalse(onB.compareAndSet(run, Optional.empty(), Optional.of("y"), later), "already set");
        assertEquals(Optional.of("x"), onB.get(run));
        assertFalse(onB.compareAndSet(run, Optional.of("y"), Optional.of("z"), later), "not the current value");
        assertTrue(onB.compareAndSet(run, Optional.of("x"), Optional.of("z"), later));
        assertEquals(Optional.of("z"), onA.get(run));
        onA.remove(run);
        assertEquals(Optional.empty(), onB.get(run));
    }

    @Test
    void whenAValueExpiresOnTheClockThenItIsGoneEverywhere() {
        SharedValues onA = a.values("test", 100);
        SharedValues onB = b.values("test", 100);
        assertTrue(onA.compareAndSet(run, Optional.empty(), Optional.of("x"), clock.instant().plusSeconds(10)));
        clock.advance(Duration.ofSeconds(11));
        assertEquals(Optional.empty(), onB.get(run));
        assertTrue(onB.compareAndSet(run, Optional.empty(), Optional.of("y"), clock.instant().plusSeconds(10)),
                "an expired value counts as absent");
    }

    @Test
    void whenAnIdIsUsedOnOneInstanceThenItsReplayOnTheOtherIsRefused() {
        ReplayCache onA = StateStores.replayCache(a, ReplaySettings.uniform(100, 100), clock);
        ReplayCache onB = StateStores.replayCache(b, ReplaySettings.uniform(100, 100), clock);
        Instant expires = clock.instant().plusSeconds(60);
        assertTrue(onA.firstUse("dpop", run, expires));
        assertFalse(onB.firstUse("dpop", run, expires));
        assertTrue(onB.firstUse("signature:k1", run, expires), "namespaces are apart");
        clock.advance(Duration.ofSeconds(61));
        assertTrue(onB.firstUse("dpop", run, clock.instant().plusSeconds(60)), "forgotten once expired");
    }

    @Test
    void whenATokenIsRevokedThroughOneInstanceThenTheOtherRefusesItUntilItExpires() {
        SharedJtiDenylist onA = new SharedJtiDenylist(a.values("jti", 100), clock);
        SharedJtiDenylist onB = new SharedJtiDenylist(b.values("jti", 100), clock);
        onA.revoke("https://issuer.example", run, clock.instant().plusSeconds(300));
        assertTrue(onB.isRevoked("https://issuer.example", run));
        assertFalse(onB.isRevoked("https://other.example", run), "jti is unique per issuer only");
        clock.advance(Duration.ofMinutes(16));
        assertFalse(onB.isRevoked("https://issuer.example", run), "gone after exp and the skew margin");
    }

    @Test
    void whenUsersFailOnBothInstancesThenTheLockoutHoldsOnBoth() {
        BasicSettings settings = BasicSettings.defaults(java.nio.file.Path.of("unused"));
        LoginThrottle onA = new LoginThrottle(settings, a, clock);
        LoginThrottle onB = new LoginThrottle(settings, b, clock);
        ClientNetwork network = ClientNetwork.ofLiteral("203.0.113.7");
        for (int i = 0; i < settings.maxFailures(); i++) {
            assertEquals(Optional.empty(), (i % 2 == 0 ? onA : onB).tryAttempt(run, network), "attempt " + i);
        }
        assertTrue(onA.tryAttempt(run, network).isPresent(), "locked on A");
        assertTrue(onB.tryAttempt(run, network).isPresent(), "locked on B");
        assertTrue(onB.lockedFor(run, network).isPresent());
    }

    @Test
    void whenANetworkFailsOnBothInstancesThenBothRefuseItAtTheLimitUntilItsNextToken() {
        FailedAttemptSettings settings = new FailedAttemptSettings(new RateLimit(4, Duration.ofMinutes(1)), 100);
        FailedAttemptLimiter onA = new FailedAttemptLimiter(settings, TrustedProxies.NONE, a, clock);
        FailedAttemptLimiter onB = new FailedAttemptLimiter(settings, TrustedProxies.NONE, b, clock);
        ClientNetwork network = ClientNetwork.ofLiteral("203.0.113." + (run.hashCode() & 0x7f));
        AuthError failure = AuthError.invalidToken("Bearer", "bad", "bad_credential");
        for (int i = 0; i < 4; i++) {
            FailedAttemptLimiter instance = i % 2 == 0 ? onA : onB;
            assertEquals(Optional.empty(), instance.refusal(network), "failure " + i + " is admitted");
            instance.record(network, failure);
        }
        for (FailedAttemptLimiter instance : List.of(onA, onB)) {
            AuthError refused = instance.refusal(network).orElseThrow();
            assertEquals(429, refused.status());
            assertEquals("15", refused.headers().get("Retry-After"), "4 per minute: one back every 15 s");
        }
        clock.advance(Duration.ofSeconds(15));
        assertEquals(Optional.empty(), onB.refusal(network), "one token back for both");
        onB.record(network, failure);
        assertTrue(onA.refusal(network).isPresent(), "and taken again through the other");
    }

    @Test
    void whenPublishedOnOneInstanceThenTheOtherHearsItWithinASecond() throws Exception {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        b.bus().subscribe("test", listener(heard));
        awaitListening(heard);
        a.bus().publish("test", run);
        assertEquals(run, heard.poll(1, TimeUnit.SECONDS));
    }

    @Test
    void whenTheStoreStopsThenItsUsersGet503AndItIsUsedAgainOnceBackWithoutRestart() throws Exception {
        KeyedBuckets buckets = new KeyedBuckets(new RateLimit(10, Duration.ofMinutes(1)), a.buckets("test", 100));
        SharedValues values = a.values("test", 100);
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        b.bus().subscribe("test", listener(heard));
        awaitListening(heard);
        assertTrue(buckets.tryTake(run).isZero());

        engine().stop();
        try {
            for (Runnable use : List.<Runnable>of(() -> buckets.tryTake(run), () -> values.get(run),
                    () -> values.compareAndSet(run, Optional.empty(), Optional.of("x"), clock.instant().plusSeconds(9)))) {
                AuthenticationFailure failure = assertThrows(AuthenticationFailure.class, use::run);
                assertEquals(503, failure.error().status());
                assertEquals(StoreFailures.REASON, failure.error().reason());
            }
        } finally {
            engine().start();
        }
        assertTrue(eventually(() -> buckets.tryTake(run).isZero()), "buckets answer again");
        assertTrue(eventually(() -> values.get(run).isEmpty()));
        assertEquals("*", heard.poll(10, TimeUnit.SECONDS), "the listener reconnected and dropped everything");
        a.bus().publish("test", run);
        assertEquals(run, heard.poll(2, TimeUnit.SECONDS));
    }

    /**
     * A store down for seconds must not leave the bus waiting for a back-off that grew meanwhile (Lettuce's default
     * grows to 30 s): once the store is back, the listening side is connected again within about a second, drops
     * everything, and hears what is published.
     */
    @Test
    void whenTheStoreWasDownForSecondsThenTheBusListensAgainWithinSecondsOfItsReturn() throws Exception {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        b.bus().subscribe("test", listener(heard));
        awaitListening(heard);
        engine().stop();
        try {
            Thread.sleep(OUTAGE.toMillis());
        } finally {
            engine().start();
        }
        long back = System.nanoTime();
        String first = null;
        while (first == null && System.nanoTime() - back < TimeUnit.SECONDS.toNanos(10)) {
            a.bus().publish("test", run);
            first = heard.poll(100, TimeUnit.MILLISECONDS);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back);
        assertEquals("*", first, "the listener reconnected and dropped everything first");
        assertTrue(millis < 2500, "listening again " + millis + " ms after the store came back");
        // A's own connection may come back a moment later than B's listener: what it sends meanwhile is lost.
        assertTrue(eventually(() -> {
            a.bus().publish("test", run);
            return heard.stream().anyMatch(run::equals);
        }), "and hears what is published");
    }

    /** Long enough for a doubling back-off (1, 2, 4 ... ms, Lettuce's default) to wait seconds before its next try. */
    private static final Duration OUTAGE = Duration.ofMillis(10000);

    private static InvalidationBus.Listener listener(BlockingQueue<String> heard) {
        return new InvalidationBus.Listener() {
            @Override
            public void invalidate(String id) {
                heard.add(id);
            }

            @Override
            public void invalidateAll() {
                heard.add("*");
            }
        };
    }

    /** Until B's bus hears what A's sends (its listening connection is up); then forgets what it heard. */
    private void awaitListening(BlockingQueue<String> heard) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            a.bus().publish("test", "probe");
            String got = heard.poll(200, TimeUnit.MILLISECONDS);
            while (got != null && !got.equals("probe")) {
                got = heard.poll(200, TimeUnit.MILLISECONDS);
            }
            if (got != null) {
                Thread.sleep(300);
                heard.clear();
                return;
            }
        }
        throw new AssertionError("B never heard A");
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < end) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (AuthenticationFailure stillDown) {
                // not back yet
            }
            Thread.sleep(200);
        }
        return false;
    }
}

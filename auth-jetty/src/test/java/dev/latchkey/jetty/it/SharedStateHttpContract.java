package dev.latchkey.jetty.it;

import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.auth.apikey.ApiKeySpec;
import dev.latchkey.auth.apikey.CreatedApiKey;
import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.basic.UserFileAdmin;
import dev.latchkey.auth.jwt.revocation.JtiDenylist;
import dev.latchkey.jetty.it.fixtures.StateEngine;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.jwt.TestIssuer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.latchkey.test.http.Http.basic;
import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 over real HTTP: two {@code LatchkeyJetty} instances (two applications, two CDI containers) share one store
 * ({@code latchkey.state.store}) started by the test, and enforce what one instance would: one rate limit, one lockout,
 * one denylist, one revocation. API keys live in their own PostgreSQL ({@code latchkey.api-key.store=jdbc}), cached by
 * each instance for 30 s. Each test uses its own key, user, token and client network.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class SharedStateHttpContract {

    static final String PASSWORD = "correct horse battery";
    static final AtomicInteger NETWORKS = new AtomicInteger();

    static EmbeddedPostgres keys;
    static StateEngine engine;
    static TestIssuer tokens;
    static TestServer one;
    static TestServer two;

    /** Starts the keys' database and both instances on {@code state}. */
    static void startBoth(StateEngine state) throws Exception {
        engine = state;
        keys = EmbeddedPostgres.builder().start();
        tokens = TestServer.issuer();
        Path users = Files.createTempFile("latchkey-it-users", ".properties");
        UserFileAdmin admin = UserFileAdmin.of(users);
        for (int i = 0; i < 10; i++) {
            admin.add("user" + i, PASSWORD.toCharArray(), Set.of());
        }
        Map<String, String> properties = new HashMap<>(engine.properties());
        properties.putAll(Map.of(
                "latchkey.mechanisms", "jwt,api-key,basic",
                "latchkey.api-key.store", "jdbc",
                "latchkey.api-key.jdbc.url", keys.getJdbcUrl("postgres", "postgres"),
                "latchkey.api-key.jdbc.init-schema", "true",
                "latchkey.api-key.rate-limit", "10/PT1M",
                "latchkey.basic.users-file", users.toString(),
                "latchkey.basic.require-tls", "false",
                "latchkey.trusted-proxies", "127.0.0.0/8",
                "mp.jwt.verify.publickey", tokens.publicJwks()));
        properties.put("mp.jwt.verify.issuer", TestServer.ISSUER);
        one = TestServer.start(properties, null, weldContainer("one"));
        two = TestServer.start(properties, null, weldContainer("two"));
    }

    /** Two applications in one JVM need a Weld container each, told apart by id (Weld's default id is one per JVM). */
    private static java.util.function.Consumer<dev.latchkey.jetty.LatchkeyJetty.Builder> weldContainer(String id) {
        return builder -> builder.initParameter("WELD_CONTEXT_ID_KEY", "latchkey-it-" + id);
    }

    static void stopBoth() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{two, one, engine, keys}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** A client network of its own (behind the trusted proxy). */
    static String network() {
        return "198.51.100." + NETWORKS.incrementAndGet();
    }

    static HttpResponse<String> withKey(TestServer server, String key, String network) throws Exception {
        return get(server.http("/orders"), "X-API-Key", key, "X-Forwarded-For", network);
    }

    static CreatedApiKey newKey() {
        return one.bean(ApiKeyService.class).create("shared-" + UUID.randomUUID(), Set.of("orders:read"), null);
    }

    @Test
    void whenAKeyWithALimitOf10IsUsedOnBothInstancesThenTenRequestsPassInTotal() throws Exception {
        String key = newKey().key();
        String network = network();
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 20; i++) {
            int status = withKey(i % 2 == 0 ? one : two, key, network).statusCode();
            ok += status == 200 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        assertEquals(10, ok, "the limit holds across both instances");
        assertEquals(10, limited);
    }

    @Test
    void whenAUserIsLockedOutOnOneInstanceThenTheOtherRefusesTheRightPasswordToo() throws Exception {
        String user = "user" + NETWORKS.get() % 10;
        String network = network();
        for (int i = 0; i < 5; i++) {
            TestServer server = i % 2 == 0 ? one : two;
            assertEquals(401, get(server.http("/me"), "X-Forwarded-For", network, "Authorization",
                    basic(user, "guess-" + i)).statusCode(), "guess " + i);
        }
        for (TestServer server : List.of(one, two)) {
            HttpResponse<String> locked = get(server.http("/me"), "X-Forwarded-For", network, "Authorization",
                    basic(user, PASSWORD));
            assertEquals(429, locked.statusCode(), "locked out on both: " + locked.body());
        }
    }

    @Test
    void whenATokenIsRevokedThroughOneInstanceThenTheOtherRefusesIt() throws Exception {
        String jti = UUID.randomUUID().toString();
        String token = TestServer.token(tokens, "alice", "orders:read", Map.of("jti", jti));
        String network = network();
        assertEquals(200, get(two.http("/orders"), "Authorization", "Bearer " + token, "X-Forwarded-For", network)
                .statusCode(), "accepted (and cached) before revocation");
        one.bean(JtiDenylist.class).revoke(TestServer.ISSUER, jti, Instant.now().plus(Duration.ofMinutes(5)));
        HttpResponse<String> refused = get(two.http("/orders"), "Authorization", "Bearer " + token,
                "X-Forwarded-For", network);
        assertEquals(401, refused.statusCode(), refused.body());
    }

    @Test
    void whenAKeyIsRevokedThroughOneInstanceThenTheOtherRefusesItWithinASecond() throws Exception {
        // A limit of its own, so that polling as fast as it can never makes the key's limit answer first.
        CreatedApiKey created = one.bean(ApiKeyService.class).create(new ApiKeySpec("revoked-" + UUID.randomUUID(),
                Set.of("orders:read"), Set.of(), null, RateLimit.parse("100000/PT1M")));
        String network = network();
        assertEquals(200, withKey(one, created.key(), network).statusCode());
        assertEquals(200, withKey(two, created.key(), network).statusCode(), "now cached on two for 30 s");
        one.bean(ApiKeyService.class).revoke(created.keyId());
        long revoked = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - revoked < Duration.ofSeconds(2).toNanos()) {
            status = withKey(two, created.key(), network).statusCode();
        }
        long millis = Duration.ofNanos(System.nanoTime() - revoked).toMillis();
        assertEquals(401, status);
        assertTrue(millis < 1000, "refused by the other instance after " + millis + " ms");
    }

    @Test
    void whenTheStoreStopsThenBothInstancesAnswer503AndRecoverWhenItIsBack() throws Exception {
        CreatedApiKey created = one.bean(ApiKeyService.class).create(new ApiKeySpec("outage-" + UUID.randomUUID(),
                Set.of("orders:read"), Set.of(), null, RateLimit.parse("100000/PT1M")));
        String key = created.key();
        String network = network();
        assertEquals(200, withKey(one, key, network).statusCode());
        assertEquals(200, withKey(two, key, network).statusCode(), "the key is cached on both");
        engine.stop();
        long down = System.nanoTime();
        try {
            for (TestServer server : List.of(one, two)) {
                HttpResponse<String> refused = withKey(server, key, network);
                assertEquals(503, refused.statusCode(), refused.body());
                assertEquals("temporarily_unavailable", json(refused).getString("error"));
            }
            // Long enough for a reconnection back-off that doubles (Lettuce's default) to wait seconds.
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - down).toMillis()));
        } finally {
            engine.start();
        }
        long back = System.nanoTime();
        for (TestServer server : List.of(one, two)) {
            int status = 0;
            while (status != 200 && System.nanoTime() - back < Duration.ofSeconds(20).toNanos()) {
                status = withKey(server, key, network).statusCode();
                if (status != 200) {
                    Thread.sleep(100);
                }
            }
            assertEquals(200, status, "recovered without restart");
        }
        // The invalidation bus is back too: a revocation reaches the other instance again, within seconds.
        one.bean(ApiKeyService.class).revoke(created.keyId());
        int status = 200;
        while (status == 200 && System.nanoTime() - back < Duration.ofSeconds(20).toNanos()) {
            status = withKey(two, key, network).statusCode();
            if (status == 200) {
                Thread.sleep(50);
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - back).toMillis();
        assertEquals(401, status, "revocations propagate again");
        assertTrue(millis < 4000, "revoked on the other instance " + millis + " ms after the store came back");
    }

    /** How long the store stays down in the outage test. */
    private static final Duration OUTAGE = Duration.ofSeconds(9);

}

package dev.latchkey.jetty.it;

import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.auth.apikey.ApiKeySpec;
import dev.latchkey.auth.apikey.CreatedApiKey;
import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.apikey.format.ApiKeyFormat;
import dev.latchkey.auth.apikey.format.ApiKeyGenerator;
import dev.latchkey.jetty.it.app.OrdersResource;
import dev.latchkey.jetty.it.fixtures.ServerBeans;
import dev.latchkey.jetty.it.fixtures.TestClockProducer;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.log.LogCapture;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static dev.latchkey.test.http.Http.basic;
import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.header;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5 over real HTTP: API keys on a live deployment (in-memory store, default limit 3 per minute, Stripe-style
 * Basic enabled), keys issued, rotated and revoked through the server's own {@link ApiKeyService}, time moved with the
 * {@link TestClockProducer}.
 */
class ApiKeyHttpTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "api-key",
                "latchkey.api-key.environment", "live",
                "latchkey.api-key.store", "memory",
                "latchkey.api-key.rate-limit", "3/PT1M",
                "latchkey.api-key.basic-enabled", "true"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static ApiKeyService keys() {
        return ServerBeans.get(ApiKeyService.class);
    }

    private static CreatedApiKey issue() {
        return keys().create("partner", Set.of("orders:read"), null);
    }

    private static HttpResponse<String> orders(String key) throws Exception {
        return get(server.http("/orders"), "X-API-Key", key);
    }

    @Test
    void whenPerKeyLimitExceededThen429WithRateLimitHeadersBeforeTheResourceRuns() throws Exception {
        String key = issue().key();
        int before = OrdersResource.INVOCATIONS.get();
        // 3 per minute, greedy refill: one request back every 20 s; the clock is frozen, so the values are exact.
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> ok = orders(key);
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals("3", header(ok, "RateLimit-Limit"));
            assertEquals(String.valueOf(3 - i), header(ok, "RateLimit-Remaining"));
            assertEquals(String.valueOf(20 * i), header(ok, "RateLimit-Reset"));
        }
        HttpResponse<String> limited = orders(key);
        assertEquals(429, limited.statusCode(), limited.body());
        assertEquals("20", header(limited, "Retry-After"));
        assertEquals("3", header(limited, "RateLimit-Limit"));
        assertEquals("0", header(limited, "RateLimit-Remaining"));
        assertEquals("60", header(limited, "RateLimit-Reset"));
        assertEquals("rate_limited", json(limited).getString("error"));
        assertEquals(before + 3, OrdersResource.INVOCATIONS.get(), "the refused request must not reach the resource");

        TestClockProducer.CLOCK.advance(Duration.ofSeconds(20));
        assertEquals(200, orders(key).statusCode());
    }

    @Test
    void whenKeyRecordHasItsOwnLimitThenItWinsOverTheDefault() throws Exception {
        String key = keys().create(new ApiKeySpec("bulk", Set.of("orders:read"), Set.of(), null,
                new RateLimit(5, Duration.ofHours(1)))).key();
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> ok = orders(key);
            assertEquals(200, ok.statusCode(), "request " + i + " is within the key's own limit of 5");
            assertEquals("5", header(ok, "RateLimit-Limit"));
        }
        HttpResponse<String> limited = orders(key);
        assertEquals(429, limited.statusCode());
        assertEquals("720", header(limited, "Retry-After"));
        assertEquals("5", header(limited, "RateLimit-Limit"));
    }

    @Test
    void whenKeyRotatedThenBothWorkInTheGraceAndTheOldIs401ExpiredAfterIt() throws Exception {
        CreatedApiKey old = issue();
        CreatedApiKey replacement = keys().rotate(old.keyId(), Duration.ofHours(1));
        assertEquals(200, orders(old.key()).statusCode());
        assertEquals(200, orders(replacement.key()).statusCode());

        TestClockProducer.CLOCK.advance(Duration.ofHours(1));
        HttpResponse<String> expired = orders(old.key());
        assertEquals(401, expired.statusCode());
        assertEquals("invalid_token", json(expired).getString("error"));
        assertEquals("API key expired", json(expired).getString("detail"));
        assertTrue(header(expired, "WWW-Authenticate").contains("error=\"invalid_token\""),
                header(expired, "WWW-Authenticate"));
        assertEquals(200, orders(replacement.key()).statusCode());
    }

    @Test
    void whenKeyRevokedThen401AtOnceOnThisNode() throws Exception {
        CreatedApiKey created = issue();
        assertEquals(200, orders(created.key()).statusCode()); // now cached
        keys().revoke(created.keyId());
        HttpResponse<String> revoked = orders(created.key());
        assertEquals(401, revoked.statusCode());
        assertEquals("API key revoked", json(revoked).getString("detail"));
    }

    @Test
    void whenKeyExpiredThen401() throws Exception {
        CreatedApiKey created = keys().create("short-lived", Set.of("orders:read"),
                TestClockProducer.CLOCK.instant().plus(Duration.ofMinutes(5)));
        assertEquals(200, orders(created.key()).statusCode());
        TestClockProducer.CLOCK.advance(Duration.ofMinutes(5));
        HttpResponse<String> expired = orders(created.key());
        assertEquals(401, expired.statusCode());
        assertEquals("API key expired", json(expired).getString("detail"));
    }

    @Test
    void whenTestKeySentToLiveDeploymentThen401SayingSo() throws Exception {
        ApiKeyFormat format = new ApiKeyFormat(Map.of("sk_live_", "live", "sk_test_", "test"));
        String testKey = new ApiKeyGenerator(format).generate("test").value();
        assertTrue(testKey.startsWith("sk_test_"));
        HttpResponse<String> refused = orders(testKey);
        assertEquals(401, refused.statusCode());
        JsonObject problem = json(refused);
        assertEquals("invalid_token", problem.getString("error"));
        assertEquals("API key is for the test environment", problem.getString("detail"));
    }

    @Test
    void whenKeyInQueryStringThen400AndTheKeyIsNotLogged() throws Exception {
        CreatedApiKey created = issue();
        int before = OrdersResource.INVOCATIONS.get();
        HttpResponse<String> refused;
        String logged;
        try (LogCapture log = LogCapture.latchkey()) {
            refused = get(server.http("/orders?api_key=" + created.key()));
            logged = log.all();
        }
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("invalid_request", json(refused).getString("error"));
        assertEquals(before, OrdersResource.INVOCATIONS.get());
        assertTrue(logged.contains(created.keyId()), "the exposed key id is logged: " + logged);
        assertFalse(logged.contains(created.key()), "the key itself must never be logged");
        assertFalse(refused.body().contains(created.key()));
    }

    @Test
    void whenStripeStyleBasicWithKeyAsUserNameThen200() throws Exception {
        CreatedApiKey created = issue();
        HttpResponse<String> ok = get(server.http("/orders"), "Authorization", basic(created.key(), ""));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("orders for partner", ok.body());

        HttpResponse<String> withPassword = get(server.http("/orders"), "Authorization",
                basic(created.key(), "not-empty"));
        assertEquals(400, withPassword.statusCode(), "a key with a password is a malformed request: "
                + withPassword.body());
        assertEquals("invalid_request", json(withPassword).getString("error"));
    }
}

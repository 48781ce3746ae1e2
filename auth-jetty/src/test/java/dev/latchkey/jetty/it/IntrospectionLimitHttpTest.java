package dev.latchkey.jetty.it;

import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.oauth.IntrospectionEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code latchkey.introspection.max-concurrent} over real HTTP: while the endpoint holds the one allowed request open,
 * another opaque token is answered 503 with {@code Retry-After} at once, not queued behind it.
 */
class IntrospectionLimitHttpTest {

    private static final String ACTIVE = "{\"active\":true,\"sub\":\"alice\",\"scope\":\"orders:read\"}";

    private static final CountDownLatch ENTERED = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static IntrospectionEndpoint authorizationServer;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        authorizationServer = new IntrospectionEndpoint("orders-api", "s3cret")
                .answerWhenReleased("opaque-slow", ACTIVE, ENTERED, RELEASE)
                .answer("opaque-alice", ACTIVE);
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "introspection",
                "latchkey.introspection.endpoint", authorizationServer.url(),
                "latchkey.introspection.client-id", "orders-api",
                "latchkey.introspection.client-secret", "s3cret",
                "latchkey.introspection.max-concurrent", "1"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        RELEASE.countDown();
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            authorizationServer.close();
        }
    }

    private static HttpResponse<String> orders(String token) {
        return get(server.http("/orders"), "Authorization", "Bearer " + token);
    }

    @Test
    void whenMaxConcurrentRequestsInFlightThen503WithRetryAfterAndAfterwards200() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> orders("opaque-slow"));
        assertTrue(ENTERED.await(30, TimeUnit.SECONDS), "the endpoint was not reached");
        HttpResponse<String> busy = orders("opaque-alice");
        assertEquals(503, busy.statusCode(), busy.body());
        assertEquals("1", busy.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("temporarily_unavailable", json(busy).getString("error"));
        RELEASE.countDown();
        assertEquals(200, slow.get(30, TimeUnit.SECONDS).statusCode());
        assertEquals(200, orders("opaque-alice").statusCode());
    }
}

package dev.latchkey.jetty.it;

import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.jetty.it.app.OrdersResource;
import dev.latchkey.jetty.it.fixtures.ServerBeans;
import dev.latchkey.jetty.it.fixtures.TestClockProducer;
import dev.latchkey.jetty.it.fixtures.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.header;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5 over real HTTP: the JDBC key store on a real PostgreSQL (embedded), stopped mid-test. A key that is not
 * cached is answered 503, never authenticated and never blamed on the caller; a hot cached key keeps working until the
 * cache TTL (30 s of {@link TestClockProducer} time) has passed.
 */
class ApiKeyStoreOutageHttpTest {

    private static EmbeddedPostgres postgres;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "api-key",
                "latchkey.api-key.store", "jdbc",
                "latchkey.api-key.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "latchkey.api-key.jdbc.user", "postgres",
                "latchkey.api-key.jdbc.init-schema", "true",
                "latchkey.api-key.jdbc.query-timeout", "PT2S",
                "latchkey.api-key.cache.ttl", "PT30S",
                "latchkey.api-key.rate-limit", "off"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void whenDatabaseStopsThenUncachedKeyIs503AndCachedKeyWorksUntilTheCacheTtl() throws Exception {
        ApiKeyService keys = ServerBeans.get(ApiKeyService.class);
        String hot = keys.create("hot", Set.of("orders:read"), null).key();
        String cold = keys.create("cold", Set.of("orders:read"), null).key();
        assertEquals(200, orders(hot).statusCode(), "read from PostgreSQL, now cached");

        postgres.close();
        int before = OrdersResource.INVOCATIONS.get();

        HttpResponse<String> down = orders(cold);
        assertEquals(503, down.statusCode(), down.body());
        assertEquals("application/problem+json", header(down, "Content-Type").split(";")[0].trim());
        JsonObject problem = json(down);
        assertEquals(503, problem.getInt("status"));
        assertEquals("temporarily_unavailable", problem.getString("error"));
        // RFC 9110 §11.6.1: WWW-Authenticate belongs to 401; an outage is not the caller's fault and carries none
        assertNull(header(down, "WWW-Authenticate"), "no challenge on a 503");
        assertFalse(down.body().contains(cold));
        assertEquals(before, OrdersResource.INVOCATIONS.get(), "a store failure never authenticates");

        HttpResponse<String> cached = orders(hot);
        assertEquals(200, cached.statusCode(), "a hot key rides out the outage: " + cached.body());

        TestClockProducer.CLOCK.advance(Duration.ofSeconds(30));
        HttpResponse<String> expired = orders(hot);
        assertEquals(503, expired.statusCode(), "after the cache TTL the store must be asked again: "
                + expired.body());
        assertEquals(before + 1, OrdersResource.INVOCATIONS.get());
        assertNull(header(expired, "RateLimit-Limit"));
    }

    private static HttpResponse<String> orders(String key) throws Exception {
        return get(server.http("/orders"), "X-API-Key", key);
    }
}

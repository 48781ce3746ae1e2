package dev.latchkey.jetty.it;

import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.auth.apikey.CreatedApiKey;
import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.jetty.it.app.OrdersResource;
import dev.latchkey.test.pki.TestPki;
import dev.latchkey.jetty.it.fixtures.ServerBeans;
import dev.latchkey.jetty.it.fixtures.TestClockProducer;
import dev.latchkey.jetty.it.fixtures.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static dev.latchkey.test.http.Http.basic;
import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.header;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 18, Twilio style: {@code -u <prefix><key id>:<secret>} is the API key itself (same hash lookup, scopes,
 * rotation, rate limit), over HTTPS only.
 */
class ApiKeyBasicKeyIdHttpTest {

    @TempDir
    static Path dir;
    private static TestServer server;
    private static HttpClient tls;

    @BeforeAll
    static void start() throws Exception {
        TestPki pki = TestPki.create(dir);
        tls = pki.httpClient(null);
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "api-key",
                "latchkey.api-key.environment", "live",
                "latchkey.api-key.store", "memory",
                "latchkey.api-key.rate-limit", "2/PT1M",
                "latchkey.api-key.basic-key-id-enabled", "true"), TestServer.tls(pki, LatchkeyJetty.ClientAuth.NONE));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String[] split(String key) {
        int cut = key.lastIndexOf('_');
        return new String[]{key.substring(0, cut), key.substring(cut + 1)};
    }

    private static HttpResponse<String> orders(HttpClient client, String url, String key) throws Exception {
        String[] parts = split(key);
        return get(client, url, "Authorization", basic(parts[0], parts[1]));
    }

    private static CreatedApiKey issue() {
        return ServerBeans.get(ApiKeyService.class).create("partner-t", Set.of("orders:read"), null);
    }

    @Test
    void whenKeyIdAndSecretOverHttpsThen200WithTheKeysLimit() throws Exception {
        String key = issue().key();
        HttpResponse<String> ok = orders(tls, server.https("/orders"), key);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("orders for partner-t", ok.body());
        assertEquals("1", header(ok, "RateLimit-Remaining"));
        assertEquals(200, get(tls, server.https("/orders"), "X-API-Key", key).statusCode(), "one key, one bucket");
        assertEquals(429, orders(tls, server.https("/orders"), key).statusCode());
    }

    @Test
    void whenOverPlainHttpThen401BeforeAnyLookup() throws Exception {
        int before = OrdersResource.INVOCATIONS.get();
        HttpResponse<String> r = orders(HttpClient.newHttpClient(), server.http("/orders"), issue().key());
        assertEquals(401, r.statusCode());
        assertEquals("an API key secret in Basic requires TLS (https)", json(r).getString("detail"));
        assertEquals(before, OrdersResource.INVOCATIONS.get());
    }

    @Test
    void whenRotatedAndRevokedThenTheSameRulesAsForTheKey() throws Exception {
        CreatedApiKey old = issue();
        CreatedApiKey replacement = ServerBeans.get(ApiKeyService.class).rotate(old.keyId(), Duration.ofMinutes(5));
        assertEquals(200, orders(tls, server.https("/orders"), replacement.key()).statusCode());
        TestClockProducer.CLOCK.advance(Duration.ofMinutes(5));
        assertEquals(401, orders(tls, server.https("/orders"), old.key()).statusCode());
        ServerBeans.get(ApiKeyService.class).revoke(replacement.keyId());
        assertEquals(401, orders(tls, server.https("/orders"), replacement.key()).statusCode());
        String[] wrong = split(replacement.key());
        assertEquals(401, get(tls, server.https("/orders"), "Authorization", basic(wrong[0], wrong[1] + "x"))
                .statusCode(), "a wrong secret fails the key's checksum");
    }
}

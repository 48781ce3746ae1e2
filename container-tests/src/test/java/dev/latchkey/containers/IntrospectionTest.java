package dev.latchkey.containers;

import dev.latchkey.containers.support.Deployments;
import dev.latchkey.containers.support.Http;
import dev.latchkey.test.oauth.IntrospectionEndpoint;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 7662 on every container: opaque tokens checked by an introspection endpoint the test JVM serves (standing in for
 * the authorization server), configured through MicroProfile Config in the WAR.
 */
@ExtendWith(ArquillianExtension.class)
class IntrospectionTest {

    static final String CLIENT_ID = "orders-api";
    static final String CLIENT_SECRET = "s3cret-of-the-resource-server";

    private static final IntrospectionEndpoint ENDPOINT = new IntrospectionEndpoint(CLIENT_ID, CLIENT_SECRET)
            .answer("opaque-alice", "{\"active\":true,\"sub\":\"alice\",\"scope\":\"orders:read orders:write\","
                    + "\"groups\":[\"ops\"],\"exp\":" + Instant.now().plusSeconds(3600).getEpochSecond() + "}")
            .answer("opaque-inactive", "{\"active\":false}");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("introspection", config(ENDPOINT.url()), "ApiApplication", "OrdersResource");
    }

    /** A WAR that introspects its opaque tokens at {@code endpoint}. */
    static Map<String, String> config(String endpoint) {
        return Map.of(
                "latchkey.mechanisms", "introspection",
                "latchkey.realm", "orders",
                "latchkey.introspection.endpoint", endpoint,
                "latchkey.introspection.client-id", CLIENT_ID,
                "latchkey.introspection.client-secret", CLIENT_SECRET);
    }

    @AfterAll
    static void stop() {
        ENDPOINT.close();
    }

    @ArquillianResource
    URL base;

    @Test
    void whenActiveTokenThen200WithTheCallerAndScopes() {
        HttpResponse<String> ok = Http.get(base, "/api/orders", "Authorization", "Bearer opaque-alice");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("orders for alice", ok.body());
        HttpResponse<String> me = Http.get(base, "/api/me", "Authorization", "Bearer opaque-alice");
        assertEquals("alice introspection [ops] [orders:read, orders:write]", me.body());
    }

    @Test
    void whenInactiveTokenThen401InvalidToken() {
        HttpResponse<String> refused = Http.get(base, "/api/orders", "Authorization", "Bearer opaque-inactive");
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith(
                "Bearer realm=\"orders\", error=\"invalid_token\", error_description=\"token is not active\""),
                refused.headers().toString());
    }

    /** An endpoint that answers 500 (here: for a token it does not know) is ours to fix: 503, never 401 or 200. */
    @Test
    void whenEndpointFailsThen503WithoutChallenge() {
        assertUnavailable(Http.get(base, "/api/orders", "Authorization", "Bearer opaque-unknown"));
    }

    /** 503 {@code temporarily_unavailable}, without a challenge: nothing the caller could do differently. */
    static void assertUnavailable(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"error\":\"temporarily_unavailable\""), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").isEmpty(), response.headers().toString());
    }
}

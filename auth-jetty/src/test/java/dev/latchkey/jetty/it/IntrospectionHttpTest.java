package dev.latchkey.jetty.it;

import dev.latchkey.jetty.it.fixtures.TestClockProducer;
import dev.latchkey.test.dpop.DPoPClient;
import dev.latchkey.test.oauth.IntrospectionEndpoint;
import dev.latchkey.jetty.it.fixtures.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 7662 opaque tokens over real HTTP on LatchkeyJetty, checked with an introspection endpoint the test runs (a JDK
 * HTTP server standing in for the authorization server), as Bearer tokens and as DPoP-bound tokens.
 */
class IntrospectionHttpTest {

    private static IntrospectionEndpoint authorizationServer;
    private static DPoPClient client;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        client = DPoPClient.generate(TestClockProducer.CLOCK);
        String jkt = ((Map<?, ?>) client.binding().get("cnf")).get("jkt").toString();
        long exp = System.currentTimeMillis() / 1000 + 600;
        Map<String, String> answers = Map.of(
                "opaque-alice", "{\"active\":true,\"sub\":\"alice\",\"scope\":\"orders:read\",\"exp\":" + exp + "}",
                "opaque-bound", "{\"active\":true,\"sub\":\"bound\",\"scope\":\"orders:read\",\"exp\":" + exp
                        + ",\"token_type\":\"DPoP\",\"cnf\":{\"jkt\":\"" + jkt + "\"}}",
                "opaque-inactive", "{\"active\":false}",
                "opaque-bound-cert", "{\"active\":true,\"sub\":\"bound\",\"scope\":\"orders:read\",\"exp\":" + exp
                        + ",\"cnf\":{\"jkt\":\"" + jkt + "\",\"x5t#S256\":\"bm90LWEtY2VydGlmaWNhdGU\"}}");
        authorizationServer = new IntrospectionEndpoint("orders-api", "s3cret");
        answers.forEach(authorizationServer::answer);
        int port = TestServer.freePort();
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "introspection,dpop",
                "latchkey.dpop.origins", "http://127.0.0.1:" + port,
                "latchkey.introspection.endpoint", authorizationServer.url(),
                "latchkey.introspection.client-id", "orders-api",
                "latchkey.introspection.client-secret", "s3cret"), null, builder -> builder.port(port));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            authorizationServer.close();
        }
    }

    private static HttpResponse<String> bearer(String token) throws Exception {
        return get(server.http("/orders"), "Authorization", "Bearer " + token);
    }

    @Test
    void whenActiveOpaqueTokenThen200AsItsSubject() throws Exception {
        HttpResponse<String> ok = bearer("opaque-alice");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("orders for alice", ok.body());
    }

    @Test
    void whenInactiveTokenThen401InvalidToken() throws Exception {
        HttpResponse<String> refused = bearer("opaque-inactive");
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow()
                .startsWith("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"token is not active\""));
    }

    @Test
    void whenEndpointFailsThen503WithoutChallenge() throws Exception {
        HttpResponse<String> unavailable = bearer("opaque-unknown-to-the-stub");
        assertEquals(503, unavailable.statusCode(), unavailable.body());
        assertEquals("temporarily_unavailable", json(unavailable).getString("error"));
        assertTrue(unavailable.headers().firstValue("WWW-Authenticate").isEmpty());
    }

    /** No JWT issuer is configured: a JWT-shaped token is simply not one this resource accepts (never a 500). */
    @Test
    void whenJwtShapedTokenWithDPoPAndNoJwtConfiguredThen401InvalidToken() throws Exception {
        String token = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
        HttpResponse<String> refused = get(server.http("/orders"), "Authorization", "DPoP " + token,
                "DPoP", client.proof("GET", server.http("/orders"), token, null));
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow()
                .startsWith("DPoP realm=\"api\", error=\"invalid_token\""), refused.headers().toString());
    }

    /** RFC 8705 §3 beside RFC 9449: the proof proves the key, never the certificate binding next to it. */
    @Test
    void whenTokenBoundToKeyAndCertificateSentWithDPoPOnlyThen401() throws Exception {
        HttpResponse<String> refused = get(server.http("/orders"), "Authorization", "DPoP opaque-bound-cert",
                "DPoP", client.proof("GET", server.http("/orders"), "opaque-bound-cert", null));
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("invalid_token", json(refused).getString("error"));
    }

    @Test
    void whenDPoPBoundOpaqueTokenThen401AsBearerAnd200WithItsProof() throws Exception {
        HttpResponse<String> asBearer = bearer("opaque-bound");
        assertEquals(401, asBearer.statusCode());
        assertEquals("invalid_token", json(asBearer).getString("error"));
        assertTrue(asBearer.headers().firstValue("WWW-Authenticate").orElseThrow()
                .contains("DPoP-bound token must be sent with the DPoP scheme"));
        HttpResponse<String> ok = get(server.http("/orders"), "Authorization", "DPoP opaque-bound",
                "DPoP", client.proof("GET", server.http("/orders"), "opaque-bound", null));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("orders for bound", ok.body());
    }
}

package dev.latchkey.jetty.it;

import dev.latchkey.jetty.it.app.OrdersResource;
import dev.latchkey.jetty.it.dpop.DPoPApplication;
import dev.latchkey.jetty.it.fixtures.TestClockProducer;
import dev.latchkey.test.dpop.DPoPClient;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.jwt.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 9449 over real HTTP on LatchkeyJetty: DPoP-bound JWTs with proofs made by oauth2-oidc-sdk, the refusals a
 * client sees, and the challenges (with {@code algs} and RFC 9728 {@code resource_metadata}).
 */
class DPoPHttpTest {

    private static final String METADATA = "https://api.it.example/.well-known/oauth-protected-resource/api";

    private static TestIssuer tokens;
    private static DPoPClient client;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        tokens = TestServer.issuer();
        client = DPoPClient.generate(TestClockProducer.CLOCK);
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        server = TestServer.start(DPoPApplication.class, Map.of(
                "latchkey.mechanisms", "dpop,jwt",
                "mp.jwt.verify.publickey", tokens.publicJwks(),
                "mp.jwt.verify.issuer", TestServer.ISSUER,
                "latchkey.dpop.algorithms", "ES256,EdDSA",
                "latchkey.dpop.origins", "http://127.0.0.1:" + port + ", https://api.it.example",
                "latchkey.resource-metadata.resource", "https://api.it.example/api"), null,
                builder -> builder.port(port));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String boundToken() throws Exception {
        return TestServer.token(tokens, "alice", "orders:read", client.binding());
    }

    private static HttpResponse<String> orders(String token, String proof) throws Exception {
        return proof == null ? get(server.http("/orders"), "Authorization", "DPoP " + token)
                : get(server.http("/orders"), "Authorization", "DPoP " + token, "DPoP", proof);
    }

    private static void assertDPoPRefusal(HttpResponse<String> response, String error, String description) {
        assertEquals(401, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertEquals("DPoP realm=\"api\", error=\"" + error + "\", error_description=\"" + description + "\","
                + " algs=\"ES256 EdDSA\", resource_metadata=\"" + METADATA + "\"", challenge);
        assertEquals(error, json(response).getString("error"));
    }

    @Test
    void whenBoundTokenWithItsProofThen200() throws Exception {
        String token = boundToken();
        HttpResponse<String> ok = orders(token, client.proof("GET", server.http("/orders"), token, null));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("orders for alice", ok.body());
    }

    @Test
    void whenProofReplayedThen401InvalidDPoPProofAndResourceNotRun() throws Exception {
        String token = boundToken();
        String proof = client.proof("GET", server.http("/orders"), token, null);
        assertEquals(200, orders(token, proof).statusCode());
        int before = OrdersResource.INVOCATIONS.get();
        assertDPoPRefusal(orders(token, proof), "invalid_dpop_proof", "DPoP proof was already used");
        assertEquals(before, OrdersResource.INVOCATIONS.get());
    }

    @Test
    void whenProofForAnotherUriOrMethodThen401() throws Exception {
        String token = boundToken();
        assertDPoPRefusal(orders(token, client.proof("GET", server.http("/me"), token, null)),
                "invalid_dpop_proof", "DPoP proof htu does not match the request URI");
        assertDPoPRefusal(orders(token, client.proof("POST", server.http("/orders"), token, null)),
                "invalid_dpop_proof", "DPoP proof htm does not match the request method");
    }

    /** RFC 9449 §4.3 check 9: the client chooses {@code Host}; only a configured public origin counts. */
    @Test
    void whenHostHeaderAndProofNameAnOriginNotConfiguredThen401() throws Exception {
        String token = boundToken();
        String evil = "http://evil.example/api/orders";
        String response = rawGet(URI.create(server.http("/orders")), "evil.example",
                "Authorization: DPoP " + token, "DPoP: " + client.proof("GET", evil, token, null));
        assertTrue(response.startsWith("HTTP/1.1 401"), response);
        assertTrue(response.contains("error_description=\"DPoP proof htu names an origin this resource does not"
                + " serve\""), response);
    }

    /** One HTTP/1.1 request on a socket, with a {@code Host} the JDK client would not send. */
    private static String rawGet(URI target, String host, String... headers) throws Exception {
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            StringBuilder request = new StringBuilder("GET " + target.getRawPath() + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void whenProofMissingOrByAnotherKeyThen401() throws Exception {
        String token = boundToken();
        assertDPoPRefusal(orders(token, null), "invalid_dpop_proof", "DPoP proof missing");
        String thief = DPoPClient.generate(TestClockProducer.CLOCK).proof("GET", server.http("/orders"), token, null);
        assertDPoPRefusal(orders(token, thief), "invalid_token", "DPoP key binding does not match");
    }

    @Test
    void whenBoundTokenSentAsBearerThen401InvalidToken() throws Exception {
        HttpResponse<String> refused = get(server.http("/orders"), "Authorization", "Bearer " + boundToken());
        assertEquals(401, refused.statusCode());
        assertEquals("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"DPoP-bound token must be sent"
                + " with the DPoP scheme\", resource_metadata=\"" + METADATA + "\"",
                refused.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void whenUnboundTokenSentWithDPoPThen401() throws Exception {
        String token = TestServer.token(tokens, "alice", "orders:read", Map.of());
        assertDPoPRefusal(orders(token, client.proof("GET", server.http("/orders"), token, null)),
                "invalid_token", "token is not DPoP-bound");
    }

    @Test
    void whenNoCredentialThenDPoPAndBearerChallengesWithAlgsAndResourceMetadata() throws Exception {
        HttpResponse<String> challenge = get(server.http("/orders"));
        assertEquals(401, challenge.statusCode());
        assertEquals(List.of("DPoP realm=\"api\", algs=\"ES256 EdDSA\", resource_metadata=\"" + METADATA + "\"",
                "Bearer realm=\"api\", resource_metadata=\"" + METADATA + "\""),
                challenge.headers().allValues("WWW-Authenticate"));
    }

    @Test
    void whenTokenLacksScopeThen403WithDPoPChallenge() throws Exception {
        String token = TestServer.token(tokens, "bob", "other", client.binding());
        HttpResponse<String> forbidden = orders(token, client.proof("GET", server.http("/orders"), token, null));
        assertEquals(403, forbidden.statusCode(), forbidden.body());
        String challenge = forbidden.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith("DPoP realm=\"api\", error=\"insufficient_scope\"") && challenge.contains(
                "scope=\"orders:read\""), challenge);
    }

    @Test
    void whenResourceRequiresDPoPThenBearerTokenIs401AndDPoPIs200() throws Exception {
        String bearer = TestServer.token(tokens, "alice", "orders:read", Map.of());
        assertEquals(200, get(server.http("/orders"), "Authorization", "Bearer " + bearer).statusCode());
        HttpResponse<String> refused = get(server.http("/transfers"), "Authorization", "Bearer " + bearer);
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("DPoP realm=\"api\", error=\"invalid_token\", error_description=\"bearer tokens are not accepted"
                + " here: use DPoP\", algs=\"ES256 EdDSA\", resource_metadata=\"" + METADATA + "\"",
                refused.headers().firstValue("WWW-Authenticate").orElseThrow());
        String token = boundToken();
        HttpResponse<String> ok = get(server.http("/transfers"), "Authorization", "DPoP " + token,
                "DPoP", client.proof("GET", server.http("/transfers"), token, null));
        assertEquals(200, ok.statusCode(), ok.body());
    }
}

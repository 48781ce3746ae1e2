package dev.latchkey.jetty.it;

import dev.latchkey.test.dpop.DPoPClient;
import dev.latchkey.jetty.it.fixtures.TestClockProducer;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.jwt.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static dev.latchkey.test.http.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * RFC 9449 §9 server nonces and bearer tokens refused in favour of DPoP ({@code latchkey.dpop.required}), over real
 * HTTP on LatchkeyJetty.
 */
class DPoPNonceHttpTest {

    private static TestIssuer tokens;
    private static DPoPClient client;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        tokens = TestServer.issuer();
        client = DPoPClient.generate(TestClockProducer.CLOCK);
        int port = TestServer.freePort();
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "dpop,jwt",
                "mp.jwt.verify.publickey", tokens.publicJwks(),
                "mp.jwt.verify.issuer", TestServer.ISSUER,
                "latchkey.dpop.origins", "http://127.0.0.1:" + port,
                "latchkey.dpop.required", "true",
                "latchkey.dpop.nonce.required", "true",
                "latchkey.dpop.nonce.lifetime", "PT1M"), null, builder -> builder.port(port));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> orders(String token, String nonce) throws Exception {
        return get(server.http("/orders"), "Authorization", "DPoP " + token,
                "DPoP", client.proof("GET", server.http("/orders"), token, nonce));
    }

    @Test
    void whenNoNonceThen401UseDPoPNonceAndTheRetryWithItSucceeds() throws Exception {
        String token = TestServer.token(tokens, "alice", "orders:read", client.binding());
        // One second into a nonce period (PT1M), so that each advance below lands in the next period.
        long second = TestClockProducer.CLOCK.instant().getEpochSecond();
        TestClockProducer.CLOCK.advance(Duration.ofSeconds(60 - second % 60 + 1));
        HttpResponse<String> first = orders(token, null);
        assertEquals(401, first.statusCode(), first.body());
        assertEquals("DPoP realm=\"api\", error=\"use_dpop_nonce\", error_description=\"DPoP proof must carry the"
                + " server nonce\", algs=\"ES256 EdDSA PS256 RS256\"",
                first.headers().firstValue("WWW-Authenticate").orElseThrow());
        String nonce = first.headers().firstValue("DPoP-Nonce").orElseThrow();
        HttpResponse<String> retry = orders(token, nonce);
        assertEquals(200, retry.statusCode(), retry.body());

        TestClockProducer.CLOCK.advance(Duration.ofSeconds(60));
        HttpResponse<String> later = orders(token, nonce);
        assertEquals(200, later.statusCode(), later.body());
        String fresh = later.headers().firstValue("DPoP-Nonce").orElse(null);
        assertNotNull(fresh, "a nonce of the previous period is answered with the current one (RFC 9449 §8.2)");
        assertNotEquals(nonce, fresh);

        TestClockProducer.CLOCK.advance(Duration.ofSeconds(60));
        HttpResponse<String> expired = orders(token, nonce);
        assertEquals(401, expired.statusCode());
        assertNotEquals(nonce, expired.headers().firstValue("DPoP-Nonce").orElseThrow());
    }

    @Test
    void whenBearerTokenWhereDPoPIsRequiredThen401WithDPoPChallenge() throws Exception {
        HttpResponse<String> refused = get(server.http("/orders"), "Authorization",
                "Bearer " + TestServer.token(tokens, "alice", "orders:read", Map.of()));
        assertEquals(401, refused.statusCode());
        assertEquals("DPoP realm=\"api\", error=\"invalid_token\", error_description=\"bearer tokens are not accepted"
                + " here: use DPoP\", algs=\"ES256 EdDSA PS256 RS256\"",
                refused.headers().firstValue("WWW-Authenticate").orElseThrow());
    }
}

package dev.latchkey.jetty.it;

import dev.latchkey.test.dpop.DPoPClient;
import dev.latchkey.jetty.it.fixtures.TestClockProducer;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.jwt.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.header;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Review finding 2 over real HTTP: one client minting fresh DPoP proofs cannot fill the in-memory replay cache for
 * everyone. With {@code latchkey.state.replay.dpop.max-per-client=3} its fourth live proof is refused with 429 and
 * {@code Retry-After}; another key's proofs are still accepted.
 */
class DPoPReplayQuotaHttpTest {

    private static TestIssuer tokens;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        tokens = TestServer.issuer();
        int port = TestServer.freePort();
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "dpop",
                "mp.jwt.verify.publickey", tokens.publicJwks(),
                "mp.jwt.verify.issuer", TestServer.ISSUER,
                "latchkey.dpop.origins", "http://127.0.0.1:" + port,
                "latchkey.state.replay.dpop.max-entries", "10",
                "latchkey.state.replay.dpop.max-per-client", "3"), null, builder -> builder.port(port));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> me(DPoPClient client) throws Exception {
        String token = TestServer.token(tokens, "alice", "orders:read", client.binding());
        return get(server.http("/me"), "Authorization", "DPoP " + token,
                "DPoP", client.proof("GET", server.http("/me"), token, null));
    }

    @Test
    void whenOneKeyHoldsItsQuotaOfLiveProofsThenItGets429AndAnotherKeyIsServed() throws Exception {
        DPoPClient greedy = DPoPClient.generate(TestClockProducer.CLOCK);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, me(greedy).statusCode());
        }
        HttpResponse<String> refused = me(greedy);
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("rate_limited", json(refused).getString("error"));
        int retryAfter = Integer.parseInt(header(refused, "Retry-After"));
        assertEquals(true, retryAfter >= 1 && retryAfter <= 71, "within the proof window plus skew: " + retryAfter);

        DPoPClient other = DPoPClient.generate(TestClockProducer.CLOCK);
        assertEquals(200, me(other).statusCode(), "another key is not affected");
    }

    /** Review finding 5: a DPoP caller reports mechanism {@code dpop} (group stores declared for dpop match it). */
    @Test
    void whenADPoPCallerIsAuthenticatedThenItsMechanismIsDpop() throws Exception {
        HttpResponse<String> me = me(DPoPClient.generate(TestClockProducer.CLOCK));
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("dpop", json(me).getString("mechanism"));
        assertEquals("alice", json(me).getString("name"));
        assertEquals(TestServer.ISSUER, json(me).getString("issuer"), "the issuer is kept");
    }
}

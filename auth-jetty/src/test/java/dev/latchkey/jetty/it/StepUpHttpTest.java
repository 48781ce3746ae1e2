package dev.latchkey.jetty.it;

import dev.latchkey.jetty.it.fixtures.TestClockProducer;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.jwt.TestIssuer;
import dev.latchkey.jetty.it.stepup.Approvals;
import dev.latchkey.jetty.it.stepup.PaymentsResource;
import dev.latchkey.jetty.it.stepup.StepUpApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.json;
import static dev.latchkey.test.http.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 9470 step-up over real HTTP: a token from a weak or old authentication is sent to authenticate again. */
class StepUpHttpTest {

    private static TestIssuer tokens;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        tokens = TestServer.issuer();
        server = TestServer.start(StepUpApplication.class, Map.of(
                "latchkey.mechanisms", "jwt",
                "mp.jwt.verify.publickey", tokens.publicJwks(),
                "mp.jwt.verify.issuer", TestServer.ISSUER), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> pay(Map<String, Object> claims) throws Exception {
        return send("POST", server.http("/payments"), "", "Authorization",
                "Bearer " + TestServer.token(tokens, "alice", "payments", claims));
    }

    @Test
    void whenRecentGoldAuthenticationThenPaid() throws Exception {
        int before = PaymentsResource.PAID.get();
        HttpResponse<String> ok = pay(Map.of("acr", "urn:example:gold",
                "auth_time", Instant.now().minusSeconds(60).getEpochSecond()));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(before + 1, PaymentsResource.PAID.get());
    }

    @Test
    void whenWeakAcrThen401InsufficientUserAuthenticationAndNotPaid() throws Exception {
        int before = PaymentsResource.PAID.get();
        HttpResponse<String> refused = pay(Map.of("acr", "urn:example:bronze",
                "auth_time", Instant.now().getEpochSecond()));
        assertEquals(401, refused.statusCode());
        assertEquals("Bearer realm=\"api\", error=\"insufficient_user_authentication\", error_description=\"a more"
                + " recent or stronger authentication is required\", acr_values=\"urn:example:gold"
                + " urn:example:platinum\", max_age=\"300\"",
                refused.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals("insufficient_user_authentication", json(refused).getString("error"));
        assertEquals(before, PaymentsResource.PAID.get());
    }

    /** Outside JAX-RS the CDI interceptor enforces the annotation: it is never silently ignored. */
    @Test
    void whenCdiBeanRequiresAuthenticationContextAndAcrWeakThen401AndNotApproved() throws Exception {
        int before = Approvals.APPROVED.get();
        HttpResponse<String> refused = send("POST", server.http("/approvals"), "", "Authorization",
                "Bearer " + TestServer.token(tokens, "alice", "payments", Map.of("acr", "urn:example:bronze")));
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals(before, Approvals.APPROVED.get());
        HttpResponse<String> ok = send("POST", server.http("/approvals"), "", "Authorization",
                "Bearer " + TestServer.token(tokens, "alice", "payments", Map.of("acr", "urn:example:gold")));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(before + 1, Approvals.APPROVED.get());
    }

    @Test
    void whenAuthenticationTooOldOrUndatedThen401() throws Exception {
        assertEquals(401, pay(Map.of("acr", "urn:example:gold",
                "auth_time", Instant.now().minusSeconds(600).getEpochSecond())).statusCode());
        assertEquals(401, pay(Map.of("acr", "urn:example:gold")).statusCode());
    }

    /**
     * {@code auth_time} is measured by Latchkey's clock (here the tests' {@link TestClockProducer#CLOCK}), never the
     * system's, with {@code mp.jwt.verify.clock.skew} (default 60 s) of leeway for one in the future.
     */
    @Test
    void whenLatchkeyClockMovesPastMaxAgeOrAuthTimeBeyondTheSkewThen401() throws Exception {
        Instant now = TestClockProducer.CLOCK.instant();
        assertEquals(200, pay(Map.of("acr", "urn:example:gold", "auth_time", now.plusSeconds(60).getEpochSecond()))
                .statusCode());
        assertEquals(401, pay(Map.of("acr", "urn:example:gold", "auth_time", now.plusSeconds(61).getEpochSecond()))
                .statusCode());
        try {
            TestClockProducer.CLOCK.advance(Duration.ofMinutes(6));
            assertEquals(401, pay(Map.of("acr", "urn:example:gold", "auth_time", now.getEpochSecond())).statusCode());
        } finally {
            TestClockProducer.CLOCK.set(now);
        }
    }

    @Test
    void whenMethodWithoutStepUpThenAnyTokenWithTheScope() throws Exception {
        HttpResponse<String> ok = get(server.http("/payments"), "Authorization",
                "Bearer " + TestServer.token(tokens, "alice", "payments", Map.of()));
        assertEquals(200, ok.statusCode(), ok.body());
    }
}

package dev.latchkey.tck;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bearer JWTs through the whole stack on embedded Jetty: the headline cases and part of the attacker's checklist. */
@ExtendWith(ArquillianExtension.class)
class JwtTest {

    private static final TestTokens ISSUER = TestTokens.generate("k1");
    private static final TestTokens STRANGER = TestTokens.generate("k1");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("jwt", Map.of(
                        "latchkey.mechanisms", "jwt",
                        "mp.jwt.verify.publickey", ISSUER.publicJwk(),
                        "mp.jwt.verify.issuer", TestTokens.ISSUER,
                        "mp.jwt.verify.audiences", TestTokens.AUDIENCE),
                "FixtureApplication", "FixtureResource", "OrdersFixtureResource", "ReportService", "AuditRecorder",
                "AdminReports", "YearlyReportService");
    }

    @ArquillianResource
    URL base;

    private HttpResponse<String> get(String path, String token) {
        return Http.get(base, path, "Authorization", "Bearer " + token);
    }

    private static void assertInvalidToken(HttpResponse<String> response, String description) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"" + description + "\"",
                response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertTrue(response.body().contains("\"error\":\"invalid_token\""), response.body());
    }

    @Test
    void whenValidTokenWithScopeThen200() {
        HttpResponse<String> response = get("/api/orders", ISSUER.token("alice", "orders:read", List.of()));
        assertEquals(200, response.statusCode());
        assertEquals("orders for alice", response.body());
    }

    @Test
    void whenGroupsClaimThenRolesAllowedSeesIt() {
        String token = ISSUER.token("root", "", List.of("admin"));
        assertEquals(200, Http.send("DELETE", base, "/api/orders/9", "Authorization", "Bearer " + token).statusCode());
        String user = ISSUER.token("bob", "", List.of("user"));
        assertEquals(403, Http.send("DELETE", base, "/api/orders/9", "Authorization", "Bearer " + user).statusCode());
    }

    @Test
    void whenScopeMissingThen403InsufficientScope() {
        HttpResponse<String> response = Http.send("POST", base, "/api/orders", "Authorization",
                "Bearer " + ISSUER.token("alice", "orders:read", List.of()));
        assertEquals(403, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("scope=\"orders:write\""));
    }

    @Test
    void whenNoTokenThen401Challenge() {
        HttpResponse<String> response = Http.get(base, "/api/orders");
        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"api\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void whenExpiredThen401TokenExpired() {
        assertInvalidToken(get("/api/orders", ISSUER.token(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                .issueTime(Date.from(Instant.now().minusSeconds(7200))))), "token expired");
    }

    @Test
    void whenNotYetValidThen401() {
        assertInvalidToken(get("/api/public", ISSUER.token(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(3600))))),
                "token not yet valid");
    }

    @Test
    void whenWrongIssuerOrAudienceThen401() {
        assertInvalidToken(get("/api/orders", ISSUER.token(c -> c.issuer("https://evil.test"))), "wrong issuer");
        assertInvalidToken(get("/api/orders", ISSUER.token(c -> c.audience("other-api"))), "wrong audience");
    }

    @Test
    void whenSignedByAnotherKeyWithSameKidThen401InvalidSignature() {
        assertInvalidToken(get("/api/orders", STRANGER.token("alice", "orders:read", List.of())), "invalid signature");
    }

    @Test
    void whenAlgNoneThen401() {
        String valid = ISSUER.token("alice", "orders:read", List.of());
        String payload = valid.split("\\.")[1];
        for (String alg : List.of("none", "None", "NONE")) {
            String header = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("{\"alg\":\"" + alg + "\"}").getBytes());
            HttpResponse<String> response = get("/api/orders", header + "." + payload + ".");
            assertEquals(401, response.statusCode(), alg);
        }
    }

    @Test
    void whenStrippedSignatureThen401() {
        String valid = ISSUER.token("alice", "orders:read", List.of());
        assertEquals(401, get("/api/orders", valid.substring(0, valid.lastIndexOf('.') + 1)).statusCode());
    }

    @Test
    void whenGarbageTokensThenNever500() {
        for (String garbage : List.of("abc", "a.b.c", "....", "eyJ.eyJ.eyJ", "%00", "x".repeat(20000))) {
            int status = get("/api/orders", garbage).statusCode();
            // 431: Jetty refuses a header above its 8 KiB limit before any application code runs
            assertTrue(status == 400 || status == 401 || status == 431,
                    (garbage.length() > 20 ? "long token" : garbage) + " -> " + status);
        }
    }

    @Test
    void whenTokenInQueryStringThen400() {
        String token = ISSUER.token("alice", "orders:read", List.of());
        assertEquals(400, Http.get(base, "/api/orders?access_token=" + token).statusCode());
    }

    @Test
    void whenLowercaseSchemeThenAccepted() {
        String token = ISSUER.token("alice", "orders:read", List.of());
        assertEquals(200, Http.get(base, "/api/orders", "Authorization", "bearer " + token).statusCode());
    }

    @Test
    void whenRejectedThenAuditEventCarriesReasonNotToken() {
        get("/api/orders", ISSUER.token(c -> c.audience("other-api")));
        String last = Http.get(base, "/api/audit").body();
        assertTrue(last.startsWith("FAILURE jwt wrong_audience 401"), last);
    }
}

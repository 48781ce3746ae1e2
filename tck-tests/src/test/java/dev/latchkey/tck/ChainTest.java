package dev.latchkey.tck;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Latchkey mechanism chain, caller model, {@code @RequiresScope}, role checks and error vocabulary over real HTTP,
 * with fixture authenticators standing in for the credential kinds.
 */
@ExtendWith(ArquillianExtension.class)
class ChainTest {

    private static final String PROBLEM = "application/problem+json";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("chain", Map.of("latchkey.mechanisms", "fixture,fixture-basic", "latchkey.realm", "api"),
                "FixtureAuthenticator", "FixtureBasicAuthenticator", "FixtureApplication",
                "FixtureResource", "OrdersFixtureResource", "ReportService", "AuditRecorder", "AdminReports",
                "YearlyReportService");
    }

    @ArquillianResource
    URL base;

    @Test
    void whenNoCredentialOnScopedResourceThen401WithOneChallengePerScheme() {
        HttpResponse<String> response = Http.get(base, "/api/orders");
        assertEquals(401, response.statusCode());
        assertEquals(List.of("Bearer realm=\"api\"", "Basic realm=\"api\", charset=\"UTF-8\""),
                response.headers().allValues("WWW-Authenticate"));
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":401"), response.body());
        assertEquals("CHALLENGE null no_credential 401 null", Http.get(base, "/api/audit").body());
    }

    @Test
    void whenScopePresentThen200AndCallerInjectable() {
        HttpResponse<String> response = Http.get(base, "/api/orders", "X-Fixture", "alice;;orders:read");
        assertEquals(200, response.statusCode());
        assertEquals("orders for alice", response.body());
    }

    @Test
    void whenScopeMissingThen403InsufficientScopeWithBearerChallenge() {
        HttpResponse<String> response = Http.send("POST", base, "/api/orders", "X-Fixture", "alice;;orders:read");
        assertEquals(403, response.statusCode());
        assertEquals("Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"insufficient scope\", "
                + "scope=\"orders:write\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertTrue(response.body().contains("\"required_scopes\":[\"orders:write\"]"), response.body());
        assertTrue(response.body().contains("\"error\":\"insufficient_scope\""), response.body());
    }

    @Test
    void whenWriteScopeThenPostAllowed() {
        assertEquals(200, Http.send("POST", base, "/api/orders", "X-Fixture", "alice;;orders:write").statusCode());
    }

    @Test
    void whenRoleMissingThen403AndWithRole200() {
        assertEquals(403, Http.send("DELETE", base, "/api/orders/7", "X-Fixture", "alice;user;").statusCode());
        assertEquals(401, Http.send("DELETE", base, "/api/orders/7").statusCode());
        HttpResponse<String> ok = Http.send("DELETE", base, "/api/orders/7", "X-Fixture", "root;admin;");
        assertEquals(200, ok.statusCode());
        assertEquals("deleted 7", ok.body());
    }

    @Test
    void whenAnyModeThenOneScopeSuffices() {
        assertEquals(200, Http.get(base, "/api/orders/any", "X-Fixture", "a;;orders:admin").statusCode());
        HttpResponse<String> denied = Http.get(base, "/api/orders/any", "X-Fixture", "a;;other");
        assertEquals(403, denied.statusCode());
        assertTrue(denied.headers().firstValue("WWW-Authenticate").orElse("")
                .contains("scope=\"orders:admin orders:read\""));
    }

    @Test
    void whenInterceptedBeanSuperclassRequiresRoleThenScopeAloneIsNotEnough() {
        assertEquals(403, Http.get(base, "/api/orders/yearly", "X-Fixture", "a;user;orders:read reports:read")
                .statusCode());
        assertEquals(200, Http.get(base, "/api/orders/yearly", "X-Fixture", "a;admin;orders:read reports:read")
                .statusCode());
    }

    @Test
    void whenInterceptedBeanLacksScopeThen403() {
        assertEquals(403, Http.get(base, "/api/orders/report", "X-Fixture", "a;;orders:read").statusCode());
        assertEquals(200, Http.get(base, "/api/orders/report", "X-Fixture", "a;;orders:read reports:read")
                .statusCode());
    }

    @Test
    void whenRejectedCredentialThen401InvalidTokenEvenOnPublicPath() {
        HttpResponse<String> response = Http.get(base, "/api/public", "X-Fixture", "bad");
        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"api\", error=\"invalid_token\", error_description=\"token expired\"",
                response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertTrue(response.body().contains("\"detail\":\"token expired\""), response.body());
        assertEquals("FAILURE fixture token_expired 401 fixture-jti-1", Http.get(base, "/api/audit").body());
    }

    @Test
    void whenDependencyDownThen503NeverAuthenticated() {
        HttpResponse<String> response = Http.get(base, "/api/orders", "X-Fixture", "down");
        assertEquals(503, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").isEmpty());
        assertTrue(response.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void whenTwoCredentialsThen400InvalidRequest() {
        HttpResponse<String> response = Http.get(base, "/api/public", "X-Fixture", "alice;;",
                "Authorization", "Basic YTpi");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("\"error\":\"invalid_request\""), response.body());
    }

    @Test
    void whenTwoAuthorizationHeadersThen400() {
        HttpResponse<String> response = Http.get(base, "/api/public", "Authorization", "Basic YTpi",
                "Authorization", "Basic YzpK");
        assertEquals(400, response.statusCode());
    }

    @Test
    void whenSuccessThenAuditEventHasMechanismAndCredentialId() {
        Http.get(base, "/api/orders", "X-Fixture", "alice;;orders:read");
        assertEquals("SUCCESS fixture null 200 fixture-jti", Http.get(base, "/api/audit").body());
    }

    @Test
    void whenSecondSchemeThenSecondAuthenticatorDecides() {
        HttpResponse<String> response = Http.get(base, "/api/protected", "Authorization", "Basic YTpi");
        assertEquals(200, response.statusCode());
        assertEquals("basic-user admin=false", response.body());
    }
}

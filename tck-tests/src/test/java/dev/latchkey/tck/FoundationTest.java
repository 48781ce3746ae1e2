package dev.latchkey.tck;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application-provided Jakarta Security mechanism authenticates requests on embedded Jetty 12 ee10 through the
 * Latchkey bridge: Servlet API, JAX-RS SecurityContext and @RolesAllowed all see the caller.
 */
@ExtendWith(ArquillianExtension.class)
class FoundationTest {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withContextParam(Deployments.war("foundation", Map.of("latchkey.mechanism.enabled", "false"),
                        "FixtureMechanism", "FixtureApplication", "FixtureResource", "WhoAmIServlet"),
                "dev.latchkey.protected-paths", "/servlet/*");
    }

    @ArquillianResource
    URL base;

    @Test
    void whenNoCredentialOnProtectedResourceThen401WithChallenge() {
        HttpResponse<String> response = Http.get(base, "/api/protected");
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm="),
                response.headers().toString());
    }

    @Test
    void whenCallerThenJaxRsSecurityContextSeesIt() {
        HttpResponse<String> response = Http.get(base, "/api/protected", "X-Fixture-Caller", "alice;user");
        assertEquals(200, response.statusCode());
        assertEquals("alice admin=false", response.body());
    }

    @Test
    void whenCallerWithRoleThenRolesAllowedPasses() {
        HttpResponse<String> response = Http.get(base, "/api/admin", "X-Fixture-Caller", "root;admin");
        assertEquals(200, response.statusCode());
        assertEquals("root admin=true", response.body());
    }

    @Test
    void whenCallerWithoutRoleThen403() {
        HttpResponse<String> response = Http.get(base, "/api/admin", "X-Fixture-Caller", "alice;user");
        assertEquals(403, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").isEmpty());
    }

    @Test
    void whenUnprotectedResourceThenReachableWithoutCredential() {
        HttpResponse<String> response = Http.get(base, "/api/public");
        assertEquals(200, response.statusCode());
        assertEquals("anonymous", response.body());
    }

    @Test
    void whenCredentialOnUnprotectedResourceThenMechanismStillRuns() {
        HttpResponse<String> response = Http.get(base, "/api/public", "X-Fixture-Caller", "bob;admin");
        assertEquals("bob admin=true", response.body());
    }

    @Test
    void whenProtectedServletPathWithoutCredentialThen401() {
        assertEquals(401, Http.get(base, "/servlet/whoami").statusCode());
    }

    @Test
    void whenProtectedPathIsEncodedOrHasPathParameterThenStillProtected() {
        for (String path : new String[]{"/%73ervlet/whoami", "/servlet;x=1/whoami", "/servlet/./whoami"}) {
            HttpResponse<String> response = Http.get(base, path);
            assertTrue(response.statusCode() == 401 || response.statusCode() == 400,
                    path + " -> " + response.statusCode() + " " + response.body());
        }
    }

    @Test
    void whenMechanismSucceedsWithoutCallerThenRequestStaysAnonymous() {
        HttpResponse<String> response = Http.get(base, "/api/public", "X-Fixture-Caller", "!");
        assertEquals(200, response.statusCode());
        assertEquals("anonymous", response.body());
        assertEquals(401, Http.get(base, "/servlet/whoami", "X-Fixture-Caller", "!").statusCode());
    }

    @Test
    void whenPlainServletThenServletApiSeesCaller() {
        HttpResponse<String> response = Http.get(base, "/servlet/whoami", "X-Fixture-Caller", "carol;admin");
        assertEquals(200, response.statusCode());
        assertEquals("carol admin=true remoteUser=carol", response.body());
    }
}

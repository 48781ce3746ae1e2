package dev.latchkey.containers;

import dev.latchkey.containers.support.Deployments;
import dev.latchkey.containers.support.Http;
import dev.latchkey.containers.support.JwksIssuer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 11's resource shapes on every container: the same answers from Jersey (Jetty, Payara) and RESTEasy (WildFly).
 * Fixtures: {@code fixtures.AuthzShapes}; roles are the JWT caller's groups, with no container role mapping.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorizationShapesTest {

    private static final JwksIssuer ISSUER = JwksIssuer.get();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new HashMap<>(ISSUER.config());
        config.put("latchkey.mechanisms", "jwt");
        config.put("latchkey.realm", "shapes");
        return Deployments.war("shapes", config, "ApiApplication", "AuthzShapes");
    }

    @ArquillianResource
    URL base;

    private static String[] as(List<String> groups, String scope) {
        return new String[] {"Authorization", "Bearer " + ISSUER.token("carol", groups, scope),
                "Content-Type", "text/plain"};
    }

    private static final String[] ANONYMOUS = {"Content-Type", "text/plain"};

    private int status(String method, String path, String... headers) {
        return Http.send(method, base, "/api/shapes" + path, headers).statusCode();
    }

    /** "locator-calls applied-puts" as the WAR counted them. */
    private String effects() {
        HttpResponse<String> response = Http.get(base, "/api/shapes/effects");
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void whenAnonymousOrWrongRoleThroughLocatorOfRolesAllowedClassThenRefusedAndLocatorNotRun() {
        String before = effects();
        assertEquals(401, status("GET", "/loc/sub", ANONYMOUS));
        assertEquals(401, status("GET", "/loc/cls", ANONYMOUS));
        assertEquals(403, status("GET", "/loc/sub", as(List.of("user"), "")));
        assertEquals(before, effects(), "a refused request ran the locator");
        HttpResponse<String> admin = Http.get(base, "/api/shapes/loc/sub", as(List.of("admin"), ""));
        assertEquals(200, admin.statusCode(), admin.body());
        assertEquals("sub", admin.body());
        assertEquals(200, status("GET", "/loc/cls", as(List.of("admin"), "")));
    }

    @Test
    void whenLocatorMethodRequiresScopeThenAnonymous401WrongScope403RightScope200() {
        String before = effects();
        assertEquals(401, status("GET", "/scoped-loc/sub", ANONYMOUS));
        assertEquals(403, status("GET", "/scoped-loc/sub", as(List.of("admin"), "admin:al admin")));
        assertEquals(before, effects(), "a refused request ran the locator");
        assertEquals(200, status("GET", "/scoped-loc/sub", as(List.of(), "admin:all")));
    }

    @Test
    void whenGenericInterfaceMethodHasRolesAllowedThenAnonymous401WrongRole403AndBodyNotApplied() {
        String before = effects();
        assertEquals(401, status("PUT", "/gen/1", ANONYMOUS));
        assertEquals(403, status("PUT", "/gen/1", as(List.of("user"), "")));
        assertEquals(before, effects(), "a refused PUT was applied");
        HttpResponse<String> admin = Http.send("PUT", base, "/api/shapes/gen/1", as(List.of("admin"), ""));
        assertEquals(200, admin.statusCode(), admin.body());
        assertEquals("put 1", admin.body());
    }

    @Test
    void whenRolesAllowedOnInterfaceClassThenAnonymous401WrongRole403Admin200() {
        assertEquals(401, status("GET", "/iface/x", ANONYMOUS));
        assertEquals(403, status("GET", "/iface/x", as(List.of("user"), "")));
        assertEquals(200, status("GET", "/iface/x", as(List.of("admin"), "")));
    }

    @Test
    void whenSuperclassRolesAndSubclassScopesThenBothMustHold() {
        assertEquals(401, status("GET", "/sub-scopes/m", ANONYMOUS));
        assertEquals(403, status("GET", "/sub-scopes/m", as(List.of("user"), "read")));
        assertEquals(403, status("GET", "/sub-scopes/m", as(List.of("admin"), "")));
        assertEquals(200, status("GET", "/sub-scopes/m", as(List.of("admin"), "read")));
    }

    @Test
    void whenMethodUnannotatedThenAnonymous401AndAnyCaller200() {
        assertEquals(401, status("GET", "/plain", ANONYMOUS));
        assertEquals(200, status("GET", "/plain", as(List.of(), "")));
    }

    @Test
    void whenScopeNearlyMatchesThen403() {
        for (String nearMiss : List.of("orders:readx", "ORDERS:READ", "orders", "\u043erders:read", "orders:rea")) {
            assertEquals(403, status("GET", "/near", as(List.of("admin"), nearMiss)), nearMiss);
        }
        assertEquals(200, status("GET", "/near", as(List.of(), "orders:read")));
    }
}

package dev.latchkey.jetty.it;

import dev.latchkey.jaxrs.RouteReport;
import dev.latchkey.jetty.it.authz.AuthzApplication;
import dev.latchkey.jetty.it.authz.Shapes;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.jwt.TestIssuer;
import dev.latchkey.test.log.LogCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.header;
import static dev.latchkey.test.http.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 over real HTTP on embedded Jetty (Jersey): every resource shape, anonymous / wrong scope / wrong role /
 * right caller, with JWT callers whose {@code groups} are their roles. Locators count their invocations, so a refused
 * request is shown not to have run the locator.
 */
class AuthorizationShapesHttpTest {

    private static TestIssuer tokens;
    private static TestServer server;
    private static LogCapture logs;

    @BeforeAll
    static void start() throws Exception {
        tokens = TestServer.issuer();
        logs = LogCapture.latchkey();
        server = TestServer.start(AuthzApplication.class, Map.of(
                "latchkey.mechanisms", "jwt",
                "mp.jwt.verify.publickey", tokens.publicJwks(),
                "mp.jwt.verify.issuer", TestServer.ISSUER), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        logs.close();
    }

    private static String bearer(String scope, String... groups) throws Exception {
        return "Bearer " + tokens.token().subject("alice").scope(scope).claim("groups", List.of(groups)).sign();
    }

    private static int status(String path, String authorization) throws Exception {
        HttpResponse<String> response = authorization == null ? get(server.http(path))
                : get(server.http(path), "Authorization", authorization);
        return response.statusCode();
    }

    /** Asserts the status and that no locator ran for a refused request. */
    private static void assertRefusedBeforeLocator(int expected, String path, String authorization) throws Exception {
        int before = Shapes.LOCATOR_CALLS.get();
        assertEquals(expected, status(path, authorization), path);
        assertEquals(before, Shapes.LOCATOR_CALLS.get(), "the locator ran for " + path);
    }

    @Test
    void whenLocatorClassHasRolesThenCheckedBeforeTheLocatorRuns() throws Exception {
        for (String path : new String[]{"/loc/sub", "/loc/cls"}) {
            assertRefusedBeforeLocator(401, path, null);
            assertRefusedBeforeLocator(403, path, bearer("read", "user"));
            int before = Shapes.LOCATOR_CALLS.get();
            assertEquals(200, status(path, bearer("read", "admin")), path);
            assertEquals(before + 1, Shapes.LOCATOR_CALLS.get());
        }
    }

    @Test
    void whenLocatorPathIsDisguisedThenStillCheckedBeforeTheLocatorRuns() throws Exception {
        for (String path : new String[]{"/loc/sub/", "/loc;x=1/sub", "/loc/sub;x=1", "/loc/%73ub"}) {
            assertRefusedBeforeLocator(401, path, null);
            assertRefusedBeforeLocator(403, path, bearer("read", "user"));
        }
    }

    @Test
    void whenLocatorMethodRequiresScopeThenCheckedBeforeTheLocatorRuns() throws Exception {
        for (String path : new String[]{"/scoped-loc/sub", "/scoped-loc/open"}) {
            assertRefusedBeforeLocator(401, path, null);
            assertRefusedBeforeLocator(403, path, bearer("admin:al", "admin"));
            HttpResponse<String> wrong = get(server.http(path), "Authorization", bearer("read"));
            assertTrue(header(wrong, "WWW-Authenticate").contains("insufficient_scope"), path);
            assertEquals(200, status(path, bearer("admin:all")), path);
        }
    }

    @Test
    void whenMoreSpecificMethodOrRootMatchesThenTheLocatorRuleIsNotApplied() throws Exception {
        assertEquals(200, status("/loc/sub/info", null));
        assertEquals(200, status("/loc/sub/public", null));
    }

    @Test
    void whenNestedLocatorsThenConstraintsAccumulateBeforeEitherRuns() throws Exception {
        assertRefusedBeforeLocator(401, "/nest/a/b", null);
        assertRefusedBeforeLocator(403, "/nest/a/b", bearer("deep", "user"));
        assertRefusedBeforeLocator(403, "/nest/a/b", bearer("shallow", "admin"));
        assertEquals(200, status("/nest/a/b", bearer("deep", "admin")));
    }

    @Test
    void whenRecursiveLocatorReachesRestrictedSubtreeThenItsRoleApplies() throws Exception {
        for (String path : new String[]{"/tree/restricted", "/tree/a/restricted", "/tree/a/b/restricted",
                "/tree/a/b/restricted/c"}) {
            assertRefusedBeforeLocator(401, path, null);
            assertRefusedBeforeLocator(403, path, bearer("read", "user"));
            assertEquals(200, status(path, bearer("read", "admin")), path);
        }
        assertEquals(200, status("/tree/a/b", null));
    }

    @Test
    void whenLocatorsNestDeeperThanTheGuardFollowsThenTheCheckAfterMatchingStillDenies() throws Exception {
        String path = "/tree/" + "a/".repeat(20) + "restricted";
        int before = Shapes.LOCATOR_CALLS.get();
        assertEquals(401, status(path, null));
        assertTrue(Shapes.LOCATOR_CALLS.get() > before, "the guard follows 16 levels: these locators ran");
        assertEquals(403, status(path, bearer("read", "user")));
        assertEquals(200, status(path, bearer("read", "admin")));
    }

    @Test
    void whenLocatorTiesWithMethodThenTheLocatorIsCheckedIfItRan() throws Exception {
        for (String authorization : new String[]{null, bearer("read", "user")}) {
            int before = Shapes.LOCATOR_CALLS.get();
            int status = status("/tie/x", authorization);
            if (Shapes.LOCATOR_CALLS.get() > before) {
                assertEquals(authorization == null ? 401 : 403, status, "the locator ran and must be checked");
            } else {
                assertEquals(200, status, "the public method was chosen");
            }
        }
        assertEquals(200, status("/tie/x", bearer("read", "admin")));
    }

    @Test
    void whenEncodedSegmentReachesAnotherLocatorThenThatLocatorsRoleApplies() throws Exception {
        assertEquals(200, status("/items/42/summary", null));
        for (String path : new String[]{"/items/42/%73ummary", "/items/42/%73ummary;x=1", "/items/42/other"}) {
            assertRefusedBeforeLocator(401, path, null);
            assertRefusedBeforeLocator(403, path, bearer("read", "user"));
            assertEquals(200, status(path, bearer("read", "admin")), path);
        }
    }

    @Test
    void whenPreMatchingFilterRewritesThePathThenTheRewrittenRouteIsGuarded() throws Exception {
        assertEquals(200, status("/ext/7.json", null));
        assertRefusedBeforeLocator(401, "/ext/admin.json", null);
        assertRefusedBeforeLocator(403, "/ext/admin.json", bearer("read", "user"));
        assertEquals(200, status("/ext/admin.json", bearer("read", "admin")));
    }

    @Test
    void whenMethodOnlyRootFallsThroughToLocatorRootThenTheLocatorIsGuarded() throws Exception {
        assertEquals(200, status("/users/me", null));
        assertRefusedBeforeLocator(401, "/users/me/x", null);
        assertRefusedBeforeLocator(403, "/users/me/x", bearer("read", "user"));
        assertEquals(200, status("/users/me/x", bearer("read", "admin")));
    }

    @Test
    void whenLocatorOnInterfaceThenItsRoleApplies() throws Exception {
        assertRefusedBeforeLocator(401, "/iface-loc/sub", null);
        assertRefusedBeforeLocator(403, "/iface-loc/sub", bearer("read", "user"));
        assertEquals(200, status("/iface-loc/sub", bearer("read", "admin")));
    }

    @Test
    void whenRuntimeTypedSubResourceHasLocatorThenItsRoleAppliesBeforeTheMethod() throws Exception {
        assertRefusedBeforeLocator(401, "/dyn/x/y", null);
        assertRefusedBeforeLocator(403, "/dyn/x/y", bearer("read", "ops"));
        assertEquals(403, status("/dyn/x/y", bearer("read", "admin")));
        assertEquals(200, status("/dyn/x/y", bearer("read", "admin", "ops")));
    }

    @Test
    void whenRuntimeTypedSubResourceContradictsThen503NeverTheMethod() throws Exception {
        HttpResponse<String> response = get(server.http("/dyn/broken"), "Authorization", bearer("x"));
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(logs.all().contains(Shapes.ContradictorySub.class.getName() + "#get()"), logs.all());
    }

    @Test
    void whenRuntimeTypedLocatorContradictsThen503AndLoggedOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = get(server.http("/dyn/broken-locator/y"), "Authorization", bearer("x"));
            assertEquals(503, response.statusCode(), response.body());
        }
        String all = logs.all();
        assertTrue(all.contains(Shapes.ContradictoryLocator.class.getName() + "#y()"), all);
        String once = "cannot resolve the sub-resource locators below " + Shapes.DynamicRoot.class.getName();
        assertTrue(all.contains(once), all);
        assertEquals(all.indexOf(once), all.lastIndexOf(once), all);
    }

    @Test
    void whenGenericInterfaceMethodHasRolesThenPutIsRefusedAndTheBodyNotApplied() throws Exception {
        int before = Shapes.APPLIED.get();
        assertEquals(401, send("PUT", server.http("/gen/1"), "body").statusCode());
        assertEquals(403, send("PUT", server.http("/gen/1"), "body", "Authorization", bearer("read", "user"))
                .statusCode());
        assertEquals(before, Shapes.APPLIED.get());
        assertEquals(200, send("PUT", server.http("/gen/1"), "body", "Authorization", bearer("read", "admin"))
                .statusCode());
    }

    @Test
    void whenGenericSuperclassMethodRequiresScopeThenItApplies() throws Exception {
        int before = Shapes.APPLIED.get();
        assertEquals(401, send("POST", server.http("/gen-super/1"), "body").statusCode());
        assertEquals(403, send("POST", server.http("/gen-super/1"), "body", "Authorization", bearer("read"))
                .statusCode());
        assertEquals(before, Shapes.APPLIED.get());
        assertEquals(200, send("POST", server.http("/gen-super/1"), "body", "Authorization", bearer("write"))
                .statusCode());
    }

    @Test
    void whenInterfaceClassHasRolesThenTheyApplyToTheImplementation() throws Exception {
        assertEquals(401, status("/iface/x", null));
        assertEquals(403, status("/iface/x", bearer("read", "user")));
        assertEquals(200, status("/iface/x", bearer("read", "admin")));
    }

    @Test
    void whenInterfaceDefaultMethodHasRolesThenTheyApply() throws Exception {
        assertEquals(401, status("/default/d", null));
        assertEquals(403, status("/default/d", bearer("read", "user")));
        assertEquals(200, status("/default/d", bearer("read", "admin")));
    }

    @Test
    void whenSuperclassHasRolesAndSubclassScopesThenBothHold() throws Exception {
        assertEquals(401, status("/s/m", null));
        assertEquals(403, status("/s/m", bearer("read", "user")));
        assertEquals(403, status("/s/m", bearer("write", "admin")));
        assertEquals(200, status("/s/m", bearer("read", "admin")));
    }

    @Test
    void whenPermitAllOnMethodOfSecuredClassThenOnlyThatMethodIsOpen() throws Exception {
        assertEquals(200, status("/mixed/open", null));
        assertEquals(401, status("/mixed/closed", null));
        assertEquals(403, status("/mixed/closed", bearer("read", "user")));
        assertEquals(200, status("/mixed/closed", bearer("read", "admin")));
    }

    @Test
    void whenScopesOnClassInterfaceAndMethodsThenEveryOneIsRequired() throws Exception {
        assertEquals(401, status("/scopes/x", null));
        for (String missingOne : new String[]{"b c d", "a c d", "a b d", "a b c"}) {
            assertEquals(403, status("/scopes/x", bearer(missingOne)), missingOne);
        }
        assertEquals(200, status("/scopes/x", bearer("a b c d")));
    }

    @Test
    void whenUnannotatedThenAnyCallerButNotAnonymous() throws Exception {
        assertEquals(401, status("/plain", null));
        assertEquals(200, status("/plain", bearer("")));
        assertEquals(200, status("/health", null));
    }

    @Test
    void whenScopeIsANearMissThenRefused() throws Exception {
        for (String scope : new String[]{"orders:readx", "ORDERS:READ", "orders", "\u043Erders:read", "orders:rea",
                "orders:read\u200B"}) {
            assertEquals(403, status("/near", bearer(scope)), scope);
        }
        assertEquals(200, status("/near", bearer("orders:read")));
    }

    @Test
    void whenStartedThenRouteReportListsEveryRouteWithItsRuleAndSource() throws Exception {
        RouteReport report = RouteReport.all().stream()
                .filter(r -> r.routes().stream().anyMatch(route -> route.path().equals("/loc/sub")))
                .findFirst().orElseThrow();
        Set<String> open = report.publicRoutes().stream().map(r -> r.httpMethod() + " " + r.path())
                .collect(Collectors.toSet());
        assertEquals(Set.of("GET /health", "GET /mixed/open", "GET /loc/sub/info", "GET /loc/sub/public",
                "GET /report-size",
                "GET /users/me", "GET /tree", "GET /tie/{a}"), open);
        RouteReport.Route recursive = report.routes().stream().filter(r -> r.path().equals("/tree/restricted/**"))
                .findFirst().orElseThrow();
        assertTrue(recursive.runtime() && recursive.rule().contains("roles any of [admin]"), recursive.rule());
        RouteReport.Route viaLocator = report.routes().stream()
                .filter(r -> r.path().equals("/loc/sub") && r.httpMethod().equals("GET")).findFirst().orElseThrow();
        assertTrue(viaLocator.rule().contains("roles any of [admin]"), viaLocator.rule());
        assertTrue(viaLocator.sources().contains("@RolesAllowed({\"admin\"}) on class "
                + Shapes.LocatorRoot.class.getName()), viaLocator.sources().toString());
        RouteReport.Route generic = report.routes().stream().filter(r -> r.path().equals("/gen/{id}"))
                .findFirst().orElseThrow();
        assertEquals("PUT", generic.httpMethod());
        assertTrue(generic.sources().get(0).contains(Shapes.CrudApi.class.getName() + "#put"), generic.sources()
                .toString());
        assertEquals(String.valueOf(report.routes().size()), get(server.http("/report-size")).body());
        String block = logs.messages().stream().filter(m -> m.startsWith("Latchkey authorization"))
                .findFirst().orElse(null);
        assertNotNull(block, logs.all());
        assertTrue(block.contains("/scoped-loc/sub") && block.contains("@RequiresScope({\"admin:all\"})"), block);
    }
}

package dev.latchkey.tck;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
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
 * Two Latchkey applications in one server (one JVM, one CDI provider): each answers with its own realm and audits to
 * its own observers, also on the paths after the mechanism (the JAX-RS filter's 401, the {@code @RequiresScope}
 * interceptor's 403 rendered by the exception mapper), which use what the mechanism left on the request rather than a
 * JVM-wide lookup of "the" application.
 */
@ExtendWith(ArquillianExtension.class)
class TwoApplicationsTest {

    private static final TestTokens ISSUER = TestTokens.generate("two-apps");

    private static WebArchive war(String realm) {
        return Deployments.war("realm-" + realm, Map.of(
                        "latchkey.mechanisms", "jwt",
                        "latchkey.realm", realm,
                        "mp.jwt.verify.publickey", ISSUER.publicJwk(),
                        "mp.jwt.verify.issuer", TestTokens.ISSUER,
                        "mp.jwt.verify.audiences", TestTokens.AUDIENCE),
                "FixtureApplication", "OrdersFixtureResource", "ReportService", "AuditRecorder",
                "AdminReports", "YearlyReportService");
    }

    @Deployment(name = "alpha", order = 1, testable = false)
    static WebArchive alpha() {
        return war("alpha");
    }

    @Deployment(name = "beta", order = 2, testable = false)
    static WebArchive beta() {
        return war("beta");
    }

    @ArquillianResource
    @OperateOnDeployment("alpha")
    URL alpha;

    @ArquillianResource
    @OperateOnDeployment("beta")
    URL beta;

    /**
     * Only the application deployed last ({@code order = 2}): with Weld on the server class path (this harness), an
     * earlier application has no request context once another is deployed (see {@link MpJwtDeploymentErrorTest}),
     * and the resource and the interceptor here need one.
     */
    @Test
    void whenInterceptorRefusesScopeThenTheMapperChallengesWithTheApplicationsOwnRealm() {
        String token = "Bearer " + ISSUER.token("alice", "orders:read", List.of());
        HttpResponse<String> response = Http.get(beta, "/api/orders/report", "Authorization", token);
        assertEquals(403, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer realm=\"beta\", error=\"insufficient_scope\""), challenge);
    }

    @Test
    void whenNoCredentialThenTheChallengeIsAuditedByThatApplicationOnly() {
        for (URL base : List.of(alpha, beta)) {
            String realm = base == alpha ? "alpha" : "beta";
            String before = Http.get(base == alpha ? beta : alpha, "/api/audit").body();
            HttpResponse<String> response = Http.get(base, "/api/orders");
            assertEquals(401, response.statusCode());
            assertEquals("Bearer realm=\"" + realm + "\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals("CHALLENGE null no_credential 401 null", Http.get(base, "/api/audit").body());
            assertEquals(before, Http.get(base == alpha ? beta : alpha, "/api/audit").body(), "the other application");
        }
    }
}

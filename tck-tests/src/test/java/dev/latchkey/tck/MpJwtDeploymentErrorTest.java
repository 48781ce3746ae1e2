package dev.latchkey.tck;

import dev.latchkey.tck.logs.SuiteLog;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MicroProfile JWT 2.1 claim injection mistakes fail deployment (Weld reports them while booting): an ambiguous
 * {@code @Claim}, claim injection into a {@code @SessionScoped} bean, a claim type the specification does not list,
 * and a raw claim value in an {@code @ApplicationScoped} bean (Latchkey's stricter rule). Each refusal must name its
 * reason and the broken bean.
 *
 * <p>The healthy application is checked first: Weld, on the server class path here, runs every web application in
 * one static container instance, so deploying or removing another application leaves an earlier one without request
 * context ("not valid after container STATIC_INSTANCE shutdown"). The test harness deploys one at a time.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MpJwtDeploymentErrorTest {

    private static final TestTokens ISSUER = TestTokens.generate("mp2");

    private static WebArchive war(String name, String... fixtures) {
        String[] all = new String[fixtures.length + 2];
        all[0] = "FixtureApplication";
        all[1] = "ClaimsRequestScopedResource";
        System.arraycopy(fixtures, 0, all, 2, fixtures.length);
        return Deployments.war(name, Map.of("latchkey.mechanisms", "jwt", "mp.jwt.verify.publickey", ISSUER.publicJwk(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER), all);
    }

    /** The same application without a broken bean deploys and serves. */
    @Deployment(name = "claims-ok", testable = false)
    static WebArchive ok() {
        return war("claims-ok");
    }

    @Deployment(name = "claims-ambiguous", managed = false, testable = false)
    static WebArchive ambiguous() {
        return war("claims-ambiguous", "AmbiguousClaimBean");
    }

    @Deployment(name = "claims-session", managed = false, testable = false)
    static WebArchive session() {
        return war("claims-session", "SessionScopedClaimBean");
    }

    @Deployment(name = "claims-unsupported", managed = false, testable = false)
    static WebArchive unsupported() {
        return war("claims-unsupported", "UnsupportedClaimTypeBean");
    }

    @Deployment(name = "claims-app-raw", managed = false, testable = false)
    static WebArchive applicationScopedRaw() {
        return war("claims-app-raw", "ApplicationScopedRawClaimBean");
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    URL ok;

    @Test
    @Order(1)
    void whenNoBrokenBeanThenServes() {
        assertEquals(200, Http.get(ok, "/api/claims/request/public").statusCode());
    }

    @Test
    void whenClaimValueAndStandardDisagreeThenDeploymentRefused() {
        assertRefused("claims-ambiguous", "names two different claims", "AmbiguousClaimBean");
    }

    @Test
    void whenClaimInjectedIntoSessionScopedBeanThenDeploymentRefused() {
        assertRefused("claims-session", "passivating scope", "SessionScopedClaimBean");
    }

    @Test
    void whenClaimTypeNotInSpecThenDeploymentRefused() {
        assertRefused("claims-unsupported", "ClaimValue<java.lang.Integer>", "UnsupportedClaimTypeBean");
    }

    @Test
    void whenRawClaimInjectedIntoApplicationScopedBeanThenDeploymentRefused() {
        assertRefused("claims-app-raw", "would keep the claim of the first request", "ApplicationScopedRawClaimBean");
    }

    /**
     * Refused for the expected reason, not just any failure: the CDI container's error names the problem and the
     * broken bean. Jetty logs that error and reports only a later failure to Arquillian, so the log lines written
     * during the deployment are read besides the exception's cause chain.
     */
    private void assertRefused(String name, String problem, String bean) {
        int logged = SuiteLog.lines().size();
        try {
            DeploymentException refused = assertThrows(DeploymentException.class, () -> deployer.deploy(name));
            List<String> lines = SuiteLog.lines();
            String causes = causeChain(refused) + String.join("\n", lines.subList(logged, lines.size()));
            assertTrue(causes.contains(problem), causes);
            assertTrue(causes.contains("dev.latchkey.tck.fixtures." + bean), causes);
        } finally {
            try {
                deployer.undeploy(name);
            } catch (RuntimeException e) {
                // nothing was deployed
            }
        }
    }

    private static String causeChain(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (seen.add(t)) {
                text.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
                if (t.getCause() != null) {
                    todo.add(t.getCause());
                }
                todo.addAll(List.of(t.getSuppressed()));
            }
        }
        return text.toString();
    }
}

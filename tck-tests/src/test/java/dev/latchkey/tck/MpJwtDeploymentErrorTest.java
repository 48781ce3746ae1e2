package dev.latchkey.tck;

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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * MicroProfile JWT 2.1 claim injection mistakes fail deployment (Weld reports them while booting): an ambiguous
 * {@code @Claim}, claim injection into a {@code @SessionScoped} bean, and a claim type the specification does not list.
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
        assertRefused("claims-ambiguous");
    }

    @Test
    void whenClaimInjectedIntoSessionScopedBeanThenDeploymentRefused() {
        assertRefused("claims-session");
    }

    @Test
    void whenClaimTypeNotInSpecThenDeploymentRefused() {
        assertRefused("claims-unsupported");
    }

    private void assertRefused(String name) {
        try {
            assertThrows(DeploymentException.class, () -> deployer.deploy(name));
        } finally {
            try {
                deployer.undeploy(name);
            } catch (RuntimeException e) {
                // nothing was deployed
            }
        }
    }
}

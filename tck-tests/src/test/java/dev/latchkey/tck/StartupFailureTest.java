package dev.latchkey.tck;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An application whose authentication is not wired, or whose configuration or annotations are wrong, never serves a
 * request: Jetty marks the failed web application unavailable and answers 503 everywhere, even on public paths.
 */
@ExtendWith(ArquillianExtension.class)
class StartupFailureTest {

    /** A healthy application beside the broken ones, only to learn the server's address. */
    @Deployment(name = "ok", testable = false)
    static WebArchive ok() {
        return Deployments.war("ok", Map.of("latchkey.mechanisms", "fixture"),
                "FixtureAuthenticator", "FixtureApplication", "FixtureResource");
    }

    @Deployment(name = "no-mechanism", managed = false, testable = false)
    static WebArchive noMechanism() {
        return Deployments.war("no-mechanism", Map.of("latchkey.mechanism.enabled", "false"),
                "FixtureApplication", "FixtureResource");
    }

    @Deployment(name = "bad-config", managed = false, testable = false)
    static WebArchive badConfig() {
        return Deployments.war("bad-config", Map.of("latchkey.mechanisms", "fixture,nonsense"),
                "FixtureAuthenticator", "FixtureApplication", "FixtureResource");
    }

    @Deployment(name = "contradiction", managed = false, testable = false)
    static WebArchive contradiction() {
        return Deployments.war("contradiction", Map.of("latchkey.mechanisms", "fixture"),
                "FixtureAuthenticator", "FixtureApplication", "BrokenResource");
    }

    @Deployment(name = "bean-contradiction", managed = false, testable = false)
    static WebArchive beanContradiction() {
        return Deployments.war("bean-contradiction", Map.of("latchkey.mechanisms", "fixture"),
                "FixtureAuthenticator", "FixtureApplication", "FixtureResource", "BrokenService");
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("ok")
    URL ok;

    @Test
    void whenNoMechanismThenApplicationNeverServes() {
        assertUnavailable("no-mechanism", "/api/public");
    }

    @Test
    void whenUnknownMechanismConfiguredThenApplicationNeverServes() {
        assertUnavailable("bad-config", "/api/public");
    }

    @Test
    void whenContradictoryAnnotationsThenApplicationNeverServes() {
        assertUnavailable("contradiction", "/api/broken");
    }

    /**
     * Weld reports the definition error while booting, before any servlet exists, so the deployment itself is refused
     * (the "ok" deployment, identical but for {@code BrokenService}, deploys).
     */
    @Test
    void whenContradictoryAnnotationsOnCdiBeanThenDeploymentRefused() {
        try {
            assertThrows(DeploymentException.class, () -> deployer.deploy("bean-contradiction"));
        } finally {
            try {
                deployer.undeploy("bean-contradiction");
            } catch (RuntimeException e) {
                // nothing was deployed
            }
        }
    }

    private void assertUnavailable(String name, String path) {
        deployer.deploy(name);
        try {
            URL base = baseOf(name);
            assertEquals(503, Http.get(base, path).statusCode());
        } finally {
            deployer.undeploy(name);
        }
    }

    /** Contexts are named after their archives (arquillian.xml: useArchiveNameAsContext). */
    private URL baseOf(String name) {
        try {
            return new URL(ok.toString().replace("/ok/", "/" + name + "/"));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}

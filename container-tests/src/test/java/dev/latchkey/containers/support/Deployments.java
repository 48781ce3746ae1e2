package dev.latchkey.containers.support;

import dev.latchkey.test.war.TestWars;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the suite's WARs as a user builds one, the same on every container: fixture classes in WEB-INF/classes, a
 * MicroProfile Config file, the Latchkey jars and their libraries in WEB-INF/lib ({@code latchkey.war.lib}: on Jetty
 * also auth-jetty with Soteria and Jersey), and the WildFly and Payara descriptors of the README's guide, which other
 * containers ignore.
 */
public final class Deployments {

    /** WildFly: the application security domain of {@code latchkey.cli} (integrated JASPI off). */
    public static final String JBOSS_WEB_XML = """
            <jboss-web xmlns="urn:jboss:jakartaee:1.0" version="1.0">
              <security-domain>latchkey</security-domain>
            </jboss-web>
            """;

    /**
     * WildFly: its MicroProfile JWT subsystem would take over a deployment with {@code @LoginConfig(authMethod =
     * "MP-JWT")}; Latchkey verifies the tokens instead.
     */
    public static final String JBOSS_DEPLOYMENT_STRUCTURE = """
            <jboss-deployment-structure xmlns="urn:jboss:deployment-structure:1.3">
              <deployment>
                <exclude-subsystems><subsystem name="microprofile-jwt-smallrye"/></exclude-subsystems>
              </deployment>
            </jboss-deployment-structure>
            """;

    /**
     * Payara: its Jersey registers its own {@code @RolesAllowed} filter on every JAX-RS application (a
     * {@code ForcedAutoDiscoverable} of its MicroProfile JWT module) that asks the container's group-to-role mapping
     * (a caller in group {@code admin} gets Payara's HTML 403) and wants a container login for {@code @PermitAll}
     * (401); Latchkey's authorization decides instead.
     */
    public static final String PAYARA_WEB_XML = """
            <!DOCTYPE payara-web-app PUBLIC "-//Payara.fish//DTD Payara Server 4 Servlet 3.0//EN" \
            "https://raw.githubusercontent.com/payara/Payara/main/appserver/deployment/dtds/src/main/resources/glassfish/lib/dtds/payara-web-app_4.dtd">
            <payara-web-app>
              <jaxrs-roles-allowed-enabled>false</jaxrs-roles-allowed-enabled>
            </payara-web-app>
            """;

    private static final String FIXTURES = "dev.latchkey.containers.fixtures";

    private Deployments() {
    }

    /** @param fixtures simple names of classes in {@value #FIXTURES}, copied as class files */
    public static WebArchive war(String name, Map<String, String> config, String... fixtures) {
        WebArchive war = TestWars.war(name, config)
                .addAsWebInfResource(new StringAsset(JBOSS_WEB_XML), "jboss-web.xml")
                .addAsWebInfResource(new StringAsset(JBOSS_DEPLOYMENT_STRUCTURE), "jboss-deployment-structure.xml")
                .addAsWebInfResource(new StringAsset(PAYARA_WEB_XML), "payara-web.xml");
        return TestWars.withLibraries(TestWars.withClassFiles(war, Deployments.class, FIXTURES, fixtures));
    }

    /** A directory under {@code target/} for a deployment's files (stores), outside the WAR. */
    public static Path dataDirectory(String name) {
        return TestWars.classesDirectory(Deployments.class).toPath().getParent().resolve("data")
                .resolve(Container.name()).resolve(name).toAbsolutePath();
    }
}

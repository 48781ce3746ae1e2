package dev.latchkey.containers.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Builds the suite's WARs as a user builds one, the same on every container: fixture classes in WEB-INF/classes, a
 * MicroProfile Config file, the Latchkey jars and their libraries in WEB-INF/lib ({@code latchkey.war.lib}: on Jetty
 * also auth-jetty with Soteria and Jersey), and the WildFly and Payara descriptors of the README's guide, which other
 * containers ignore.
 */
public final class Deployments {

    private static final String BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

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
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml")
                .addAsWebInfResource(new StringAsset(JBOSS_WEB_XML), "jboss-web.xml")
                .addAsWebInfResource(new StringAsset(JBOSS_DEPLOYMENT_STRUCTURE), "jboss-deployment-structure.xml")
                .addAsWebInfResource(new StringAsset(PAYARA_WEB_XML), "payara-web.xml")
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties");
        for (String fixture : fixtures) {
            addClassFiles(war, fixture);
        }
        for (File jar : libraries()) {
            war.addAsLibrary(jar);
        }
        return war;
    }

    /** A directory under {@code target/} for a deployment's files (stores), outside the WAR. */
    public static Path dataDirectory(String name) {
        return testClasses().toPath().getParent().resolve("data").resolve(Container.name()).resolve(name)
                .toAbsolutePath();
    }

    private static void addClassFiles(WebArchive war, String simpleName) {
        String dir = FIXTURES.replace('.', '/');
        File folder = new File(testClasses(), dir);
        File[] files = folder.listFiles((d, n) -> n.equals(simpleName + ".class") || n.startsWith(simpleName + "$"));
        if (files == null || files.length == 0) {
            throw new IllegalArgumentException("no fixture class " + simpleName + " in " + folder);
        }
        for (File file : files) {
            war.addAsWebInfResource(file, "classes/" + dir + "/" + file.getName());
        }
    }

    private static File testClasses() {
        try {
            return Path.of(Deployments.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String properties(Map<String, String> config) {
        Properties properties = new Properties();
        properties.putAll(config);
        StringWriter out = new StringWriter();
        try {
            properties.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The jars of {@code latchkey.war.lib} (directories separated by the path separator). */
    static List<File> libraries() {
        String dirs = Objects.requireNonNull(System.getProperty("latchkey.war.lib"),
                "system property latchkey.war.lib (set by the build)");
        List<File> jars = new ArrayList<>();
        for (String dir : dirs.split(File.pathSeparator)) {
            File[] found = new File(dir).listFiles((d, n) -> n.endsWith(".jar"));
            if (found == null || found.length == 0) {
                throw new IllegalStateException("no WAR libraries in " + dir + "; run the build through Maven");
            }
            jars.addAll(List.of(found));
        }
        jars.sort(null);
        return jars;
    }
}

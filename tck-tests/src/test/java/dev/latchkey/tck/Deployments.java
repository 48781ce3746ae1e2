package dev.latchkey.tck;

import dev.latchkey.test.war.TestWars;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * Builds test WARs the way a user would ({@link TestWars}): application classes in WEB-INF/classes, a MicroProfile
 * Config file, and the Latchkey jars with everything they bring in WEB-INF/lib (copied to {@code target/war-lib} by
 * the build).
 */
public final class Deployments {

    private static final String FIXTURES = "dev.latchkey.tck.fixtures";

    private Deployments() {
    }

    /**
     * @param fixtures simple names of classes in {@code dev.latchkey.tck.fixtures}. They are copied as class files, not
     *                 loaded: the Latchkey types they use exist only inside the WAR, never on the test class path.
     */
    public static WebArchive war(String name, Map<String, String> config, String... fixtures) {
        return TestWars.withLibraries(TestWars.withClassFiles(TestWars.war(name, config), Deployments.class, FIXTURES,
                fixtures));
    }

    /** Sets a {@code web.xml} declaring one context parameter (Servlet 6.0 §14). */
    public static WebArchive withContextParam(WebArchive war, String name, String value) {
        return war.setWebXML(new StringAsset("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param><param-name>%s</param-name><param-value>%s</param-value></context-param>
                </web-app>
                """.formatted(name, value)));
    }

    /** The Latchkey jars and everything they bring, as a user's WAR carries them in WEB-INF/lib. */
    public static List<File> libraries() {
        return TestWars.libraries();
    }
}

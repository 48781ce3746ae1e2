package dev.latchkey.tck;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Builds test WARs the way a user would: application classes in WEB-INF/classes, a MicroProfile Config file, and the
 * Latchkey jars with everything they bring in WEB-INF/lib (copied to {@code target/war-lib} by the build).
 */
public final class Deployments {

    private static final String BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    private static final String FIXTURES = "dev.latchkey.tck.fixtures";
    private static final File TEST_CLASSES = testClasses();

    private Deployments() {
    }

    /**
     * @param fixtures simple names of classes in {@code dev.latchkey.tck.fixtures}. They are copied as class files, not
     *                 loaded: the Latchkey types they use exist only inside the WAR, never on the test class path.
     */
    public static WebArchive war(String name, Map<String, String> config, String... fixtures) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml")
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties");
        for (String fixture : fixtures) {
            addClassFiles(war, fixture);
        }
        for (File jar : libraries()) {
            war.addAsLibrary(jar);
        }
        return war;
    }

    /** Sets a {@code web.xml} declaring one context parameter (Servlet 6.0 §14). */
    public static WebArchive withContextParam(WebArchive war, String name, String value) {
        return war.setWebXML(new StringAsset("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param><param-name>%s</param-name><param-value>%s</param-value></context-param>
                </web-app>
                """.formatted(name, value)));
    }

    private static void addClassFiles(WebArchive war, String simpleName) {
        String dir = FIXTURES.replace('.', '/');
        File folder = new File(TEST_CLASSES, dir);
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

    /** A MicroProfile Config properties file, escaped by {@link Properties#store}. */
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

    /** The Latchkey jars and everything they bring, as a user's WAR carries them in WEB-INF/lib. */
    public static File[] libraries() {
        String dir = Objects.requireNonNull(System.getProperty("latchkey.war.lib"),
                "system property latchkey.war.lib (set by the build)");
        File[] jars = new File(dir).listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no WAR libraries in " + dir + "; run the build through Maven");
        }
        Arrays.sort(jars);
        return jars;
    }
}

package dev.latchkey.tck;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds test WARs the way a user would: application classes in WEB-INF/classes, a MicroProfile Config file, and the
 * Latchkey jars with everything they bring in WEB-INF/lib (copied to {@code target/war-lib} by the build).
 */
public final class Deployments {

    private static final String BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    private static final String FIXTURES = "dev.latchkey.tck.fixtures";
    private static final File TEST_CLASSES = new File(
            Deployments.class.getProtectionDomain().getCodeSource().getLocation().getPath());

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

    private static String properties(Map<String, String> config) {
        return new TreeMap<>(config).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\").replace("\n", "\\n"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static File[] libraries() {
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

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

    private Deployments() {
    }

    public static WebArchive war(String name, Map<String, String> config, Class<?>... classes) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml")
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties");
        for (File jar : libraries()) {
            war.addAsLibrary(jar);
        }
        return war;
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

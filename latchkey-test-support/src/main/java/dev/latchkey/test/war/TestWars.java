package dev.latchkey.test.war;

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
 * WARs for Arquillian tests (ShrinkWrap), built the way a user builds one: {@code beans.xml}, a
 * {@code META-INF/microprofile-config.properties}, application classes copied as class files (not loaded: the classes
 * they use may exist only inside the WAR), and the Latchkey jars with their libraries in {@code WEB-INF/lib}, taken
 * from the directories of the system property {@value #LIBRARIES_PROPERTY} (the build copies them there).
 */
public final class TestWars {

    /** Directories of the WAR's libraries, separated by the path separator. */
    public static final String LIBRARIES_PROPERTY = "latchkey.war.lib";

    public static final String BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    private TestWars() {
    }

    /** A WAR with {@code beans.xml} (annotated discovery) and {@code config} as MicroProfile Config file. */
    public static WebArchive war(String name, Map<String, String> config) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml")
                .addAsResource(new StringAsset(properties(config)), "META-INF/microprofile-config.properties");
    }

    /** Adds the libraries ({@link #libraries()}) to {@code war}. */
    public static WebArchive withLibraries(WebArchive war) {
        libraries().forEach(war::addAsLibrary);
        return war;
    }

    /**
     * Copies the class files of {@code simpleNames} (nested classes included) of package {@code packageName} from the
     * class directory that holds {@code anchor} to {@code WEB-INF/classes}.
     */
    public static WebArchive withClassFiles(WebArchive war, Class<?> anchor, String packageName,
                                            String... simpleNames) {
        String dir = packageName.replace('.', '/');
        File folder = new File(classesDirectory(anchor), dir);
        for (String simpleName : simpleNames) {
            File[] files = folder.listFiles((d, n) -> n.equals(simpleName + ".class")
                    || n.startsWith(simpleName + "$"));
            if (files == null || files.length == 0) {
                throw new IllegalArgumentException("no class " + simpleName + " in " + folder);
            }
            for (File file : files) {
                war.addAsWebInfResource(file, "classes/" + dir + "/" + file.getName());
            }
        }
        return war;
    }

    /** The class directory (or jar) {@code type} was loaded from, e.g. {@code target/test-classes}. */
    public static File classesDirectory(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jars of the {@value #LIBRARIES_PROPERTY} directories, sorted. */
    public static List<File> libraries() {
        String dirs = Objects.requireNonNull(System.getProperty(LIBRARIES_PROPERTY),
                "system property " + LIBRARIES_PROPERTY + " (set by the build)");
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

    /** A properties file of {@code config}, escaped by {@link Properties#store}. */
    public static String properties(Map<String, String> config) {
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
}

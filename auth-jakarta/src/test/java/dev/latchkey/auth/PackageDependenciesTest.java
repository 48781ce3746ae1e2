package dev.latchkey.auth;

import dev.latchkey.auth.spi.CredentialKind;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The package structure of {@code auth-jakarta}, read from its class files (every class name in their constant pools,
 * including generic signatures): no package cycle, and the generic packages name no credential kind, so that a new
 * kind plugs in without touching them.
 */
class PackageDependenciesTest {

    private static final String ROOT = "dev.latchkey.auth.";
    /** The credential kinds: packages and their sub-packages. */
    private static final Set<String> KINDS = Set.of("jwt", "apikey", "basic", "cert", "dpop", "introspection",
            "signature");
    /**
     * Generic packages allowed to read one kind's settings: the RFC 9728 metadata document publishes the JWT kind's
     * issuers as {@code authorization_servers} and the DPoP kind's algorithms as
     * {@code dpop_signing_alg_values_supported} (RFC 9728 §2).
     */
    private static final Map<String, Set<String>> ALLOWED = Map.of("metadata", Set.of("jwt.config", "dpop"));
    private static final Pattern CLASS_NAME = Pattern.compile("dev/latchkey/auth/([A-Za-z0-9_/$]+)/[A-Za-z0-9_$]+");

    private static final Map<String, Set<String>> DEPENDENCIES = read();

    @Test
    void whenGenericPackagesThenTheyNameNoCredentialKind() {
        Map<String, Set<String>> violations = new TreeMap<>();
        DEPENDENCIES.forEach((from, to) -> {
            if (!isKind(from)) {
                to.stream().filter(PackageDependenciesTest::isKind)
                        .filter(kind -> !ALLOWED.getOrDefault(from, Set.of()).contains(kind))
                        .forEach(kind -> violations.computeIfAbsent(from, k -> new TreeSet<>()).add(kind));
            }
        });
        assertEquals(Map.of(), violations);
    }

    @Test
    void whenPackagesThenNoCycle() {
        assertEquals(List.of(), cycles());
    }

    @Test
    void whenClassFilesAreReadThenTheMechanismIsSeenUsingTheSpi() {
        // The reader itself must see dependencies, or the two tests above pass vacuously.
        assertFalse(DEPENDENCIES.getOrDefault("mechanism", Set.of()).isEmpty());
        assertEquals(true, DEPENDENCIES.get("mechanism").contains("spi"));
        assertEquals(true, DEPENDENCIES.get("jwt").contains("spi"));
    }

    private static boolean isKind(String pkg) {
        return KINDS.contains(pkg.contains(".") ? pkg.substring(0, pkg.indexOf('.')) : pkg);
    }

    /** Strongly connected components of more than one package (Tarjan). */
    private static List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> found = new ArrayList<>();
        for (String p : new TreeSet<>(DEPENDENCIES.keySet())) {
            if (!index.containsKey(p)) {
                connect(p, index, low, stack, found);
            }
        }
        return found;
    }

    private static void connect(String p, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                                List<Set<String>> found) {
        index.put(p, index.size());
        low.put(p, index.get(p));
        stack.push(p);
        for (String q : DEPENDENCIES.getOrDefault(p, Set.of())) {
            if (!index.containsKey(q)) {
                connect(q, index, low, stack, found);
                low.put(p, Math.min(low.get(p), low.get(q)));
            } else if (stack.contains(q)) {
                low.put(p, Math.min(low.get(p), index.get(q)));
            }
        }
        if (low.get(p).equals(index.get(p))) {
            Set<String> component = new TreeSet<>();
            String q;
            do {
                q = stack.pop();
                component.add(q);
            } while (!q.equals(p));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }

    /** Package (relative to {@value #ROOT}) to the other packages its classes name. */
    private static Map<String, Set<String>> read() {
        Path classes;
        try {
            classes = Path.of(CredentialKind.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String pkg = classes.relativize(file.getParent()).toString().replace(file.getFileSystem()
                        .getSeparator(), ".");
                if (!pkg.startsWith(ROOT)) {
                    continue;
                }
                String from = pkg.substring(ROOT.length());
                Set<String> to = deps.computeIfAbsent(from, k -> new TreeSet<>());
                for (String name : utf8Constants(file)) {
                    Matcher m = CLASS_NAME.matcher(name);
                    while (m.find()) {
                        String target = m.group(1).replace('/', '.');
                        if (!target.equals(from)) {
                            to.add(target);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return deps;
    }

    /** The UTF-8 constants of a class file (JVMS §4.4): class names, descriptors and signatures among them. */
    private static List<String> utf8Constants(Path classFile) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readUnsignedShort();
            data.readUnsignedShort();
            int count = data.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> out.add(data.readUTF());
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
                    case 5, 6 -> {
                        data.readLong();
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> data.readUnsignedShort();
                    case 15 -> {
                        data.readUnsignedByte();
                        data.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
                }
            }
        }
        return out;
    }
}

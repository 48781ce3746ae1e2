package dev.latchkey.auth.isolation;

import java.io.File;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The test class path in a class loader of its own, minus some jars: a web application's class loader whose
 * {@code WEB-INF/lib} lacks them, or whose container hides them (WildFly shows the MicroProfile JWT API to a deployment
 * only when its own MicroProfile JWT subsystem is active).
 */
final class IsolatedClassPath {

    private IsolatedClassPath() {
    }

    /** A loader over the test class path without the entries whose path contains {@code without}. */
    static URLClassLoader without(String without) {
        // Surefire passes the real class path here; java.class.path may be its manifest-only booter jar.
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Predicate<String> kept = entry -> !entry.contains(without);
        URL[] urls = Arrays.stream(path.split(File.pathSeparator)).filter(kept).map(IsolatedClassPath::url)
                .toArray(URL[]::new);
        return new URLClassLoader("isolated-without-" + without, urls, ClassLoader.getPlatformClassLoader());
    }

    private static URL url(String entry) {
        try {
            return new File(entry).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}

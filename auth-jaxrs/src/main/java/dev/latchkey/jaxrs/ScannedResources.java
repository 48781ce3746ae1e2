package dev.latchkey.jaxrs;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The root resource classes of a web application, as the servlet container found them ({@code @HandlesTypes},
 * Servlet 6.0 §8.2.4). A JAX-RS runtime need not list the root classes it found by scanning anywhere in the
 * standard API: RESTEasy (WildFly) reports none in {@code Configuration#getClasses()}, so without this set
 * {@link LocatorGuard} could not foresee a locator of a scanned root class and the locator would run before its
 * constraints were checked. Used only for an {@link Application} that lists no classes and no singletons, which
 * per Jakarta REST 3.1 §2.3.2 includes every root resource of the web application. Names are kept, not classes, so
 * that a copy of this class on a server's class path never keeps an undeployed application's class loader alive.
 */
@HandlesTypes(Path.class)
public final class ScannedResources implements ServletContainerInitializer {

    private static final Map<ClassLoader, Set<String>> FOUND = new WeakHashMap<>();

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        Set<String> roots = new LinkedHashSet<>();
        if (classes != null) {
            classes.stream().filter(c -> c.isAnnotationPresent(Path.class)).forEach(c -> roots.add(c.getName()));
        }
        synchronized (FOUND) {
            FOUND.put(context.getClassLoader(), Set.copyOf(roots));
        }
    }

    /**
     * Adds the scanned root classes of the current web application (the thread's context class loader, as during
     * a request) when {@code application} relies on scanning.
     */
    static void addTo(Collection<Class<?>> classes, Application application) {
        if (application != null && (!application.getClasses().isEmpty() || !application.getSingletons().isEmpty())) {
            return;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        synchronized (FOUND) {
            for (ClassLoader l = loader; l != null; l = l.getParent()) {
                Set<String> found = FOUND.get(l);
                if (found != null) {
                    for (String name : found) {
                        classes.add(load(name, l));
                    }
                    return;
                }
            }
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            // the container reported it from this very loader: fail closed rather than forget a root resource
            throw new IllegalStateException("Latchkey: scanned resource class " + name + " cannot be loaded", e);
        }
    }
}

package dev.latchkey.jaxrs;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The root classes a servlet container found by scanning, for an {@code Application} that lists none (RESTEasy). */
class ScannedResourcesTest {

    @Path("/root")
    public static class Root {
        @GET
        public String get() {
            return "";
        }
    }

    /** Has a method-level {@code @Path} only: a container may report it, but it is no root resource. */
    public static class NotRoot {
        @GET
        @Path("x")
        public String get() {
            return "";
        }
    }

    private static Set<Class<?>> found(Application application) {
        ClassLoader webapp = new URLClassLoader(new URL[0], ScannedResourcesTest.class.getClassLoader());
        ServletContext context = (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class},
                (proxy, method, args) -> method.getName().equals("getClassLoader") ? webapp : null);
        new ScannedResources().onStartup(Set.of(Root.class, NotRoot.class), context);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new URLClassLoader(new URL[0], webapp)); // a request's loader below the webapp's
        try {
            Set<Class<?>> classes = new LinkedHashSet<>();
            ScannedResources.addTo(classes, application);
            return classes;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void whenApplicationListsNothingThenScannedRootClassesAreAdded() {
        assertEquals(Set.of(Root.class), found(new Application()));
    }

    @Test
    void whenApplicationListsItsClassesThenScannedClassesAreNotAdded() {
        Application explicit = new Application() {
            @Override
            public Set<Class<?>> getClasses() {
                return Set.of(NotRoot.class);
            }
        };
        assertEquals(Set.of(), found(explicit));
    }
}

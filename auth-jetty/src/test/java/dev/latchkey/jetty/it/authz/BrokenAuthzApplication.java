package dev.latchkey.jetty.it.authz;

import dev.latchkey.jaxrs.RequiresScope;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** TEST FIXTURE: {@code @PermitAll} on a method would drop the scope its superclass requires: must not deploy. */
@ApplicationPath("/api")
public class BrokenAuthzApplication extends Application {

    @RequiresScope("orders:read")
    public static class ScopedBase {
    }

    @Path("/broken")
    public static class Broken extends ScopedBase {
        @GET
        @PermitAll
        public String open() {
            return "open";
        }
    }

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(Broken.class);
    }
}

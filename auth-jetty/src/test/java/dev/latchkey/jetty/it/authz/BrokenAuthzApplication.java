package dev.latchkey.jetty.it.authz;

import dev.latchkey.jaxrs.RequiresScope;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** TEST FIXTURE: {@code @PermitAll} on a method would drop the scope its interface requires: must not deploy. */
@ApplicationPath("/api")
public class BrokenAuthzApplication extends Application {

    @RequiresScope("orders:read")
    public interface ScopedApi {
        @GET
        String open();
    }

    @Path("/broken")
    public static class Broken implements ScopedApi {
        @Override
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

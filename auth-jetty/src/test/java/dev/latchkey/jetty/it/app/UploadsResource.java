package dev.latchkey.jetty.it.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** Any authenticated caller may post content; answers what it received. Counts invocations. */
@Path("/uploads")
public class UploadsResource {

    public static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @POST
    @RolesAllowed("**")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public String upload(byte[] content, @Context SecurityContext security) {
        INVOCATIONS.incrementAndGet();
        return "stored " + content.length + " bytes for " + security.getUserPrincipal().getName() + ": "
                + new String(content, StandardCharsets.UTF_8);
    }
}

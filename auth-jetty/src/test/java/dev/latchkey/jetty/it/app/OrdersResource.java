package dev.latchkey.jetty.it.app;

import dev.latchkey.jaxrs.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.concurrent.atomic.AtomicInteger;

/** Needs scope {@code orders:read}; counts its invocations, so tests see whether a refused request reached it. */
@Path("/orders")
@RequiresScope("orders:read")
public class OrdersResource {

    public static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String list(@Context SecurityContext security) {
        INVOCATIONS.incrementAndGet();
        return "orders for " + security.getUserPrincipal().getName();
    }
}

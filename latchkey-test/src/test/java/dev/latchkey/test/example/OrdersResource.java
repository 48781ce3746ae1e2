package dev.latchkey.test.example;

import dev.latchkey.jaxrs.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** A user's resource: reading orders needs the scope {@code orders:read}. */
@Path("/orders")
public class OrdersResource {

    @GET
    @RequiresScope("orders:read")
    @Produces(MediaType.TEXT_PLAIN)
    public String list(@Context SecurityContext security) {
        return "orders for " + security.getUserPrincipal().getName();
    }
}

package dev.latchkey.jetty.it.dpop;

import dev.latchkey.jaxrs.RequiresDPoP;
import dev.latchkey.jaxrs.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A resource that takes DPoP-bound tokens only (RFC 9449 §7.2), whatever the deployment accepts elsewhere. */
@Path("/transfers")
@RequiresScope("orders:read")
@RequiresDPoP
public class TransfersResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String list() {
        return "transfers";
    }
}

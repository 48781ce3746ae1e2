package dev.latchkey.jetty.it.stepup;

import dev.latchkey.jaxrs.RequiresAuthenticationContext;
import dev.latchkey.jaxrs.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.concurrent.atomic.AtomicInteger;

/** Listing needs a token; paying needs a recent gold-level authentication on top. Counts payments made. */
@Path("/payments")
@RequiresScope("payments")
public class PaymentsResource {

    public static final AtomicInteger PAID = new AtomicInteger();

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String list() {
        return "payments";
    }

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    @RequiresAuthenticationContext(acr = {"urn:example:gold", "urn:example:platinum"}, maxAge = "PT5M")
    public String pay() {
        PAID.incrementAndGet();
        return "paid";
    }
}

package dev.latchkey.jetty.it.stepup;

import dev.latchkey.jaxrs.RequiresAuthenticationContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/** A CDI bean outside JAX-RS whose method needs a gold-level authentication (RFC 9470). Counts approvals. */
@ApplicationScoped
public class Approvals {

    public static final AtomicInteger APPROVED = new AtomicInteger();

    @RequiresAuthenticationContext(acr = "urn:example:gold")
    public String approve() {
        APPROVED.incrementAndGet();
        return "approved";
    }
}

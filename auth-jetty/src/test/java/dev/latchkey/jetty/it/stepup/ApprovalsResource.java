package dev.latchkey.jetty.it.stepup;

import dev.latchkey.jaxrs.RequiresScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Needs only the scope itself; the step-up requirement sits on the {@link Approvals} bean it calls. */
@Path("/approvals")
@RequiresScope("payments")
public class ApprovalsResource {

    @Inject
    Approvals approvals;

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String approve() {
        return approvals.approve();
    }
}

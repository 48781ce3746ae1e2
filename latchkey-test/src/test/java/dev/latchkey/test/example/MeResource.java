package dev.latchkey.test.example;

import dev.latchkey.auth.caller.LatchkeyCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Any authenticated caller: answers {@code <mechanism> <name>}. */
@Path("/me")
public class MeResource {

    @GET
    @RolesAllowed("**")
    @Produces(MediaType.TEXT_PLAIN)
    public String me(@Context SecurityContext security) {
        LatchkeyCaller caller = (LatchkeyCaller) security.getUserPrincipal();
        return caller.mechanism() + " " + caller.getName();
    }
}

package dev.latchkey.jetty.it.app;

import dev.latchkey.auth.caller.LatchkeyCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Any authenticated caller; answers who it is. */
@Path("/me")
public class MeResource {

    @GET
    @RolesAllowed("**")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject me(@Context SecurityContext security) {
        LatchkeyCaller caller = (LatchkeyCaller) security.getUserPrincipal();
        return Json.createObjectBuilder()
                .add("name", caller.getName())
                .add("mechanism", caller.mechanism())
                .add("issuer", caller.issuer().orElse(""))
                .add("groups", Json.createArrayBuilder(caller.groups().stream().sorted().toList()))
                .add("scopes", Json.createArrayBuilder(caller.scopes().stream().sorted().toList()))
                .build();
    }
}

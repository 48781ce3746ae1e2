package dev.latchkey.sample;

import dev.latchkey.auth.caller.LatchkeyCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Map;

/**
 * Who am I: any authenticated caller ({@code **} is Jakarta Security's "any authenticated caller" role). One
 * instance, JSON builders from one factory (see {@link HealthResource}).
 */
@Path("/api/me")
@ApplicationScoped
public class MeResource {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @GET
    @RolesAllowed("**")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject me(@Context SecurityContext security) {
        LatchkeyCaller caller = (LatchkeyCaller) security.getUserPrincipal();
        return JSON.createObjectBuilder()
                .add("name", caller.getName())
                .add("mechanism", caller.mechanism())
                .add("groups", JSON.createArrayBuilder(caller.groups().stream().sorted().toList()))
                .add("scopes", JSON.createArrayBuilder(caller.scopes().stream().sorted().toList()))
                .build();
    }
}

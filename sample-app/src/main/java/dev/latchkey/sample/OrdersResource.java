package dev.latchkey.sample;

import dev.latchkey.jaxrs.RequiresScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * Orders: reading needs {@code orders:read}, writing {@code orders:write}, deleting the {@code admin} role. One
 * instance, JSON builders from one factory (see {@link HealthResource}).
 */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class OrdersResource {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @GET
    @RequiresScope("orders:read")
    public JsonArray list() {
        return JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder().add("id", "1001").add("item", "latch").add("quantity", 2))
                .build();
    }

    @POST
    @RequiresScope("orders:write")
    public Response create() {
        JsonObject created = JSON.createObjectBuilder().add("id", "1002").add("status", "created").build();
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    public Response delete(@PathParam("id") String id) {
        return Response.noContent().build();
    }
}

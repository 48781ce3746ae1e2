package dev.latchkey.sample;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * Public liveness endpoint: no credential needed. Like every resource of the sample, one instance serves every
 * request ({@code @ApplicationScoped}: JAX-RS would otherwise create and inject one per request), and JSON is built
 * with a {@link JsonBuilderFactory} looked up once ({@code Json.createObjectBuilder()} looks the JSON-P provider up,
 * a class-path scan, on every call).
 */
@Path("/api/health")
@PermitAll
@ApplicationScoped
public class HealthResource {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject health() {
        return JSON.createObjectBuilder().add("status", "up").build();
    }
}

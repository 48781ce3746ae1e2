package dev.latchkey.auth.metadata;

import dev.latchkey.auth.jwt.config.JwtAlgorithms;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The protected-resource metadata document (RFC 9728 §2) generated from {@link ResourceMetadataSettings}: only members
 * with values, {@code resource} always (§2: REQUIRED), {@code dpop_bound_access_tokens_required} only with DPoP.
 */
public final class ProtectedResourceMetadata {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ProtectedResourceMetadata() {
    }

    /** @param scopes {@code scopes_supported} (sorted in the document; omitted when empty) */
    public static String render(ResourceMetadataSettings settings, Set<String> scopes) {
        JsonObjectBuilder doc = JSON.createObjectBuilder().add("resource", settings.resource().toString());
        if (!settings.authorizationServers().isEmpty()) {
            doc.add("authorization_servers", array(settings.authorizationServers()));
        }
        settings.jwksUri().ifPresent(u -> doc.add("jwks_uri", u.toString()));
        if (!scopes.isEmpty()) {
            doc.add("scopes_supported", array(new TreeSet<>(scopes)));
        }
        if (!settings.bearerMethods().isEmpty()) {
            doc.add("bearer_methods_supported", array(settings.bearerMethods()));
        }
        settings.resourceName().ifPresent(n -> doc.add("resource_name", n));
        settings.documentation().ifPresent(u -> doc.add("resource_documentation", u.toString()));
        settings.dpop().ifPresent(dpop -> {
            doc.add("dpop_signing_alg_values_supported", array(JwtAlgorithms.names(dpop.algorithms())));
            doc.add("dpop_bound_access_tokens_required", dpop.bearerRefused());
        });
        return doc.build().toString();
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}

package dev.latchkey.auth.metadata;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.dpop.DPoPSettings;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of the protected-resource metadata document (RFC 9728), read once from {@code latchkey.resource-metadata.*}.
 * Without {@code .resource} there is no document and no {@code resource_metadata} challenge parameter.
 *
 * @param resource             {@code .resource}: this API's resource identifier (§2: an {@code https} URL without
 *                             query or fragment)
 * @param authorizationServers {@code .authorization-servers}: issuer identifiers of the authorization servers
 *                             (default: {@code mp.jwt.verify.issuer}, when set)
 * @param scopes               {@code .scopes}: {@code scopes_supported}; empty: every scope the application's
 *                             {@code @RequiresScope} annotations name (the route report)
 * @param bearerMethods        {@code .bearer-methods}: {@code bearer_methods_supported} (default {@code header})
 * @param dpop                 the DPoP settings when {@code dpop} is among {@code latchkey.mechanisms}:
 *                             {@code dpop_signing_alg_values_supported} and {@code dpop_bound_access_tokens_required}
 * @param jwksUri              {@code .jwks-uri}: this resource's own public keys, when it signs responses
 * @param resourceName         {@code .resource-name}: a human-readable name
 * @param documentation        {@code .resource-documentation}: a URL of developer documentation
 * @param metadataUrl          {@code .url}: the document's URL as challenges name it (§5.1); default: the
 *                             well-known URL derived from {@code resource} (§3.1)
 */
public record ResourceMetadataSettings(URI resource, List<String> authorizationServers, Set<String> scopes,
                                       List<String> bearerMethods, Optional<DPoPSettings> dpop,
                                       Optional<URI> jwksUri, Optional<String> resourceName,
                                       Optional<URI> documentation, URI metadataUrl) {

    public static final String PREFIX = "latchkey.resource-metadata.";
    public static final String RESOURCE = PREFIX + "resource";
    public static final String AUTHORIZATION_SERVERS = PREFIX + "authorization-servers";
    public static final String SCOPES = PREFIX + "scopes";
    public static final String BEARER_METHODS = PREFIX + "bearer-methods";
    public static final String JWKS_URI = PREFIX + "jwks-uri";
    public static final String RESOURCE_NAME = PREFIX + "resource-name";
    public static final String DOCUMENTATION = PREFIX + "resource-documentation";
    public static final String URL = PREFIX + "url";

    /** The enabled kinds ({@code MechanismSettings.MECHANISMS}; named here, the mechanism package reads this one). */
    private static final String MECHANISMS = "latchkey.mechanisms";
    /** RFC 9728 §3: the well-known URI suffix. */
    public static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";
    private static final Set<String> BEARER_METHOD_VALUES = Set.of("header", "body", "query");
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    public ResourceMetadataSettings {
        authorizationServers = List.copyOf(authorizationServers);
        scopes = Set.copyOf(scopes);
        bearerMethods = List.copyOf(bearerMethods);
        for (String method : bearerMethods) {
            if (!BEARER_METHOD_VALUES.contains(method)) {
                throw new ConfigurationException(BEARER_METHODS, "'" + method + "' is not header, body or query");
            }
        }
        for (String scope : scopes) {
            if (!SCOPE_TOKEN.matcher(scope).matches()) {
                throw new ConfigurationException(SCOPES, "not a scope token (RFC 6749 §3.3): '" + scope + "'");
            }
        }
    }

    /** The settings, or empty when {@value #RESOURCE} is not set. */
    public static Optional<ResourceMetadataSettings> from(ConfigReader config) {
        Optional<String> resource = config.string(RESOURCE);
        if (resource.isEmpty()) {
            return Optional.empty();
        }
        URI id = resourceIdentifier(resource.get());
        List<String> servers = config.list(AUTHORIZATION_SERVERS,
                config.string("mp.jwt.verify.issuer").map(List::of).orElse(List.of()));
        servers.forEach(s -> ConfigReader.url(AUTHORIZATION_SERVERS, s));
        boolean dpop = config.list(MECHANISMS, List.of()).contains("dpop");
        return Optional.of(new ResourceMetadataSettings(id, servers,
                Set.copyOf(config.list(SCOPES, List.of())),
                config.list(BEARER_METHODS, List.of("header")),
                dpop ? Optional.of(DPoPSettings.from(config)) : Optional.empty(),
                config.url(JWKS_URI),
                config.string(RESOURCE_NAME),
                config.url(DOCUMENTATION),
                config.url(URL).orElseGet(() -> wellKnown(id))));
    }

    /**
     * RFC 9728 §3.1: the well-known suffix inserted between the host and the path of the resource identifier;
     * {@code https://api.example.com/v1} gives {@code https://api.example.com/.well-known/oauth-protected-resource/v1}.
     */
    public static URI wellKnown(URI resource) {
        String path = resource.getRawPath() == null || resource.getRawPath().equals("/") ? ""
                : resource.getRawPath();
        return URI.create(resource.getScheme() + "://" + resource.getRawAuthority() + WELL_KNOWN + path);
    }

    /** The resource's path as the path-suffixed well-known form carries it ({@code /v1}), or empty. */
    public String resourcePath() {
        String path = resource.getRawPath();
        return path == null || path.equals("/") ? "" : path;
    }

    private static URI resourceIdentifier(String value) {
        URI uri = ConfigReader.url(RESOURCE, value);
        boolean loopback = Set.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!"https".equalsIgnoreCase(uri.getScheme())
                && !("http".equalsIgnoreCase(uri.getScheme()) && loopback)) {
            throw new ConfigurationException(RESOURCE, "must be an https URL (RFC 9728 §1.2; http only for localhost"
                    + " during development)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigurationException(RESOURCE, "must have no query or fragment (RFC 9728 §1.2)");
        }
        return uri;
    }

}

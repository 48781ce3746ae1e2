package dev.latchkey.auth.metadata;

import java.util.Set;

/**
 * Where {@code scopes_supported} comes from when {@value ResourceMetadataSettings#SCOPES} is not set: implementations
 * are found with {@link java.util.ServiceLoader} ({@code auth-jaxrs} lists every scope its route report names).
 */
public interface SupportedScopes {

    /** The scopes the deployed applications require somewhere; may grow once a runtime reports its routes late. */
    Set<String> scopes();
}

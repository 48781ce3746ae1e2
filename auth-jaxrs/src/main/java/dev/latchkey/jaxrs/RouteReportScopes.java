package dev.latchkey.jaxrs;

import dev.latchkey.auth.metadata.SupportedScopes;

import java.util.Set;
import java.util.TreeSet;

/**
 * {@code scopes_supported} of the protected-resource metadata (RFC 9728 §2): every scope a {@link RequiresScope} of
 * the deployed applications names, from their {@link RouteReport}s. Found through {@link java.util.ServiceLoader}.
 */
public final class RouteReportScopes implements SupportedScopes {

    @Override
    public Set<String> scopes() {
        Set<String> scopes = new TreeSet<>();
        for (RouteReport report : RouteReport.all()) {
            for (RouteReport.Route route : report.routes()) {
                route.rules().forEach(rule -> rule.scopes().forEach(s -> scopes.addAll(s.scopes())));
            }
        }
        return scopes;
    }
}

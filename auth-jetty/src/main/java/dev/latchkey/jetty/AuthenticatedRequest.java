package dev.latchkey.jetty;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.security.Principal;
import java.util.Set;

/**
 * The request as the application sees it after the mechanism authenticated it: {@code getUserPrincipal},
 * {@code getRemoteUser}, {@code isUserInRole} and {@code getAuthType} report the caller. JAX-RS builds its
 * {@code SecurityContext} from these, so {@code @RolesAllowed} sees the same caller and groups.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

    /** Jakarta Security's "any authenticated caller" role name. */
    private static final String ANY_AUTHENTICATED = "**";

    private final Principal principal;
    private final Set<String> groups;

    AuthenticatedRequest(HttpServletRequest request, Principal principal, Set<String> groups) {
        super(request);
        this.principal = principal;
        this.groups = Set.copyOf(groups);
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public String getRemoteUser() {
        return principal.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
        return role != null && (groups.contains(role) || ANY_AUTHENTICATED.equals(role));
    }

    @Override
    public String getAuthType() {
        return "LATCHKEY";
    }
}

package dev.latchkey.jetty.it.authz;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;

/**
 * TEST FIXTURE: behaves like a container that maps no group to a role (Payara's default): the same principal, but
 * {@link SecurityContext#isUserInRole} always false. Latchkey's role checks must still see the caller's groups.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ContainerWithoutRoleMapping implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext original = request.getSecurityContext();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return original.getUserPrincipal();
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return original.isSecure();
            }

            @Override
            public String getAuthenticationScheme() {
                return original.getAuthenticationScheme();
            }
        });
    }
}

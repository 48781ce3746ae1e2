package dev.latchkey.jaxrs;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.mechanism.RequestAuthContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Renders an {@link InsufficientScopeException} like the JAX-RS filter would have: challenges of the chain that ran
 * for the request (carried by the exception), and the audit {@code CHALLENGE} event for a 401.
 */
@Provider
public class InsufficientScopeExceptionMapper implements ExceptionMapper<InsufficientScopeException> {

    private final Challenges challenges = new Challenges();

    @Override
    public Response toResponse(InsufficientScopeException exception) {
        AuthError error = exception.error();
        RequestAuthContext authContext = exception.authContext().orElse(null);
        if (error.status() == 401 && error.scheme() == null) {
            challenges.challenged(authContext, authContext == null ? null : authContext.path());
        }
        return ErrorResponse.of(error, challenges.forError(error, authContext));
    }
}

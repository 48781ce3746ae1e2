package dev.latchkey.jaxrs;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders an {@link InsufficientScopeException} like the JAX-RS filter would have. */
@Provider
public class InsufficientScopeExceptionMapper implements ExceptionMapper<InsufficientScopeException> {

    private final Challenges challenges = new Challenges();

    @Override
    public Response toResponse(InsufficientScopeException exception) {
        return ErrorResponse.of(exception.error(), challenges.forError(exception.error(), null, null));
    }
}

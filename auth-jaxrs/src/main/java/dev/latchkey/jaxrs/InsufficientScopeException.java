package dev.latchkey.jaxrs;

import dev.latchkey.auth.error.AuthError;

/**
 * Thrown by the {@link RequiresScope} interceptor on CDI beans when the caller is missing or lacks a scope; mapped to
 * 401/403 by {@link InsufficientScopeExceptionMapper} when it reaches JAX-RS.
 */
public class InsufficientScopeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient AuthError error;

    public InsufficientScopeException(AuthError error) {
        super(error.description(), null, false, false);
        this.error = error;
    }

    public AuthError error() {
        return error;
    }
}

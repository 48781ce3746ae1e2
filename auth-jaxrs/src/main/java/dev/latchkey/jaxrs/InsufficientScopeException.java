package dev.latchkey.jaxrs;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.mechanism.RequestAuthContext;

import java.util.Optional;

/**
 * Thrown by the {@link RequiresScope} interceptor on CDI beans when the caller is missing or lacks a scope; mapped to
 * 401/403 by {@link InsufficientScopeExceptionMapper} when it reaches JAX-RS.
 */
public class InsufficientScopeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient AuthError error;
    private final transient RequestAuthContext authContext;

    public InsufficientScopeException(AuthError error) {
        this(error, null);
    }

    /**
     * @param authContext what the Latchkey mechanism left for the request, so that the error response challenges
     *                    with its application's chain; null when it did not run
     */
    public InsufficientScopeException(AuthError error, RequestAuthContext authContext) {
        super(error.description(), null, false, false);
        this.error = error;
        this.authContext = authContext;
    }

    public AuthError error() {
        return error;
    }

    public Optional<RequestAuthContext> authContext() {
        return Optional.ofNullable(authContext);
    }
}

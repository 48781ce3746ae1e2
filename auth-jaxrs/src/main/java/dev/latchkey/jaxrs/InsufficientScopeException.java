package dev.latchkey.jaxrs;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.mechanism.RequestAuthContext;

import java.util.Optional;

/**
 * Thrown by the {@link RequiresScope} interceptor on CDI beans when the caller is missing or lacks a scope; mapped to
 * 401/403 by {@link InsufficientScopeExceptionMapper} when it reaches JAX-RS. An {@link AuthenticationFailure} (its
 * {@link #error()} is the challenge) that also carries the request's authentication context.
 */
public class InsufficientScopeException extends AuthenticationFailure {

    private static final long serialVersionUID = 1L;

    private final transient RequestAuthContext authContext;

    /**
     * @param authContext what the Latchkey mechanism left for the request, so that the error response challenges
     *                    with its application's chain; null when it did not run
     */
    public InsufficientScopeException(AuthError error, RequestAuthContext authContext) {
        super(error);
        this.authContext = authContext;
    }

    public Optional<RequestAuthContext> authContext() {
        return Optional.ofNullable(authContext);
    }
}

package dev.latchkey.auth.error;

/**
 * Thrown by resolvers, validators and identity stores when a credential is rejected for a reason the client must be
 * told (expired, wrong environment, malformed), or when a dependency is down (503). The mechanism turns it into a
 * response; it carries no stack trace because it is an expected outcome, not a bug.
 *
 * <p>Its message is the error description and never contains a secret.
 */
public class AuthenticationFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient AuthError error;

    public AuthenticationFailure(AuthError error) {
        this(error, null);
    }

    public AuthenticationFailure(AuthError error, Throwable cause) {
        super(error.description(), cause, false, false);
        this.error = error;
    }

    public AuthError error() {
        return error;
    }
}

package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jwt.proc.BadJWTException;

/** Thrown from inside Nimbus's processing (claims and type checks) to carry the precise {@link JwtRejection}. */
final class JwtRejectedException extends BadJWTException {

    private static final long serialVersionUID = 1L;

    private final transient JwtRejection rejection;

    JwtRejectedException(JwtRejection rejection) {
        super(rejection.description());
        this.rejection = rejection;
    }

    JwtRejection rejection() {
        return rejection;
    }
}

package dev.latchkey.auth.caller;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * The caller of the current request, injectable where the container's principal type is not a {@link LatchkeyCaller}.
 * Set once by the Latchkey mechanism; empty for an unauthenticated request.
 */
@RequestScoped
public class CurrentCaller {

    private LatchkeyCaller caller;

    public Optional<LatchkeyCaller> get() {
        return Optional.ofNullable(caller);
    }

    public boolean isAuthenticated() {
        return caller != null;
    }

    /** Called by the mechanism after a successful authentication. */
    public void set(LatchkeyCaller caller) {
        this.caller = caller;
    }
}

package dev.latchkey.auth.caller;

import dev.latchkey.auth.mechanism.RequestAuthContext;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * The caller of the current request, injectable where the container's principal type is not a {@link LatchkeyCaller}.
 * Set once by the Latchkey mechanism; empty for an unauthenticated request.
 */
@RequestScoped
public class CurrentCaller {

    private LatchkeyCaller caller;
    private RequestAuthContext authContext;

    public Optional<LatchkeyCaller> get() {
        return Optional.ofNullable(caller);
    }

    public boolean isAuthenticated() {
        return caller != null;
    }

    /** What the Latchkey mechanism left for later layers, when it ran for this request. */
    public Optional<RequestAuthContext> authContext() {
        return Optional.ofNullable(authContext);
    }

    /** Called by the mechanism after a successful authentication. */
    public void set(LatchkeyCaller caller) {
        this.caller = caller;
    }

    /** Called by the mechanism for every request it runs for; {@code caller} is null when none authenticated. */
    public void set(RequestAuthContext authContext, LatchkeyCaller caller) {
        this.authContext = authContext;
        this.caller = caller;
    }
}

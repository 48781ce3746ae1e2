package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.caller.LatchkeyCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * The caller of the current request, injectable where the container's principal type is not a {@link LatchkeyCaller}.
 * Derived, never stored: it reads the one {@link RequestAuthContext} the Latchkey mechanism left on the request
 * (request attribute {@value AuthenticatorChain#REQUEST_ATTRIBUTE}); empty for an unauthenticated request or one the
 * mechanism did not run for.
 *
 * <p>Application scoped: it reads the current request through the container's {@code HttpServletRequest} bean each
 * time it is asked, so a request that asks creates no bean of its own (a request-scoped bean cost one creation and
 * injection per request on the {@code @RequiresScope} interceptor's path).
 */
@ApplicationScoped
public class CurrentCaller {

    @Inject
    HttpServletRequest request;

    /** A view of {@code request}, for code (and tests) outside CDI. */
    public static CurrentCaller of(HttpServletRequest request) {
        CurrentCaller current = new CurrentCaller();
        current.request = request;
        return current;
    }

    public Optional<LatchkeyCaller> get() {
        return authContext().flatMap(RequestAuthContext::caller);
    }

    public boolean isAuthenticated() {
        return get().isPresent();
    }

    /** What the Latchkey mechanism left for later layers, when it ran for this request. */
    public Optional<RequestAuthContext> authContext() {
        return RequestAuthContext.of(request.getAttribute(AuthenticatorChain.REQUEST_ATTRIBUTE));
    }
}

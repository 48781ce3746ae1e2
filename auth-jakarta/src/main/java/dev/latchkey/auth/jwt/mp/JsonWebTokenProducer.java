package dev.latchkey.auth.jwt.mp;

import dev.latchkey.auth.mechanism.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes {@code @Inject JsonWebToken} work (MicroProfile JWT 2.1, "Injection of JsonWebToken"): request scoped, so it
 * is the current request's token even in an {@code @ApplicationScoped} bean; the caller itself ({@link JwtCaller})
 * when it authenticated with a JWT, else the empty token (every method returns {@code null}).
 *
 * <p>Do not combine with another MicroProfile JWT implementation in the same application: both would produce
 * {@code JsonWebToken}.
 */
@ApplicationScoped
public class JsonWebTokenProducer {

    @Inject
    CurrentCaller currentCaller;

    /** {@code @Typed}: not also a {@code Principal} bean (see {@link MpJwtExtension} for that one). */
    @Produces
    @RequestScoped
    @Typed(JsonWebToken.class)
    public JsonWebToken currentToken() {
        return currentCaller.get()
                .filter(JsonWebToken.class::isInstance)
                .map(JsonWebToken.class::cast)
                .orElse(LatchkeyJsonWebToken.empty());
    }
}

package dev.latchkey.auth.jwt.mp;

import dev.latchkey.auth.caller.CurrentCaller;
import dev.latchkey.auth.jwt.mapping.JwtCallerMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes {@code @Inject JsonWebToken} work (MicroProfile JWT 2.1 §7.1): the current caller's token when it
 * authenticated with a JWT, else an empty token (no name, no claims). {@code @Claim} injection is not provided.
 *
 * <p>Do not combine with another MicroProfile JWT implementation in the same application: both would produce
 * {@code JsonWebToken}.
 */
@ApplicationScoped
public class JsonWebTokenProducer {

    @Inject
    CurrentCaller currentCaller;

    /** {@code @Typed}: not also a {@code Principal} bean, which the container already provides (CDI 4.0 §3.10). */
    @Produces
    @RequestScoped
    @Typed(JsonWebToken.class)
    public JsonWebToken currentToken() {
        return currentCaller.get()
                .map(c -> c.attributes().get(JwtCallerMapper.JWT_ATTRIBUTE))
                .filter(JsonWebToken.class::isInstance)
                .map(JsonWebToken.class::cast)
                .orElse(LatchkeyJsonWebToken.empty());
    }
}

package dev.latchkey.jaxrs;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Accepts only DPoP-bound tokens presented with their proof (RFC 9449 §7) on a resource class or method: a bearer
 * token, an API key, Basic or a client certificate alone gets 401 {@code invalid_token} with a {@code DPoP}
 * challenge, even where the deployment accepts bearer tokens elsewhere ({@code latchkey.dpop.required} refuses them
 * everywhere). Resolved at deployment like {@link RequiresScope}: any level declaring it applies; {@code @PermitAll}
 * winning over it fails deployment.
 */
@Documented
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresDPoP {
}

package dev.latchkey.jaxrs;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires the caller's token to come from a recent or strong enough authentication event (OAuth 2.0 Step Up
 * Authentication Challenge, RFC 9470): its {@code acr} must be one of {@link #acr()} and its {@code auth_time} no older
 * than {@link #maxAge()}. Otherwise the answer is 401 {@code error="insufficient_user_authentication"} with
 * {@code acr_values} and {@code max_age} in the challenge (RFC 9470 §3), so the client can obtain a new token.
 *
 * <p>On JAX-RS resource classes and methods, resolved once per resource method at deployment like
 * {@link RequiresScope}: the requirements of every level (method, overridden methods, class, supertypes) all hold, so
 * {@code acr} sets intersect and the shortest {@code maxAge} applies. An empty intersection, an annotation naming
 * neither, an unparseable {@code maxAge}, or {@code @PermitAll} winning over it fail deployment.
 */
@Documented
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresAuthenticationContext {

    /** Acceptable {@code acr} values (RFC 9470 §3, OpenID Connect Core §2), in order of preference; empty: any. */
    @Nonbinding
    String[] acr() default {};

    /** Longest time since {@code auth_time}, ISO-8601 ({@code PT5M}); empty: no limit. */
    @Nonbinding
    String maxAge() default "";
}

package dev.latchkey.jaxrs;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires the authenticated caller to hold OAuth scopes (RFC 6749 §3.3).
 *
 * <p>On JAX-RS resource classes and methods: an unauthenticated caller gets 401 with the challenges of the enabled
 * mechanisms, a caller without the scopes gets 403 {@code insufficient_scope} (RFC 6750 §3.1). A method annotation
 * refines the class annotation: both must be satisfied. On other CDI beans it is an interceptor binding with the same
 * semantics, throwing {@link InsufficientScopeException}.
 */
@Documented
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {

    /** The scopes, e.g. {@code orders:read}. */
    @Nonbinding
    String[] value();

    /** {@link ScopeMode#ALL} (default): every scope; {@link ScopeMode#ANY}: one of them. */
    @Nonbinding
    ScopeMode mode() default ScopeMode.ALL;
}

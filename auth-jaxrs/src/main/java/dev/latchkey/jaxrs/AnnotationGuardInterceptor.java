package dev.latchkey.jaxrs;

import dev.latchkey.auth.mechanism.CurrentCaller;
import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.mechanism.RequestAuthContext;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Latchkey's annotations on CDI beans outside JAX-RS: the same rules as the JAX-RS filter ({@link RequiresScope},
 * {@link RequiresDPoP}, {@link RequiresAuthenticationContext}, the Jakarta security annotations), resolved once per
 * method, failing with {@link InsufficientScopeException}. One concrete interceptor per binding annotation
 * ({@link RequiresScopeInterceptor}, {@link RequiresDPoPInterceptor}, {@link RequiresAuthenticationContextInterceptor})
 * so that any one of them on a bean enforces the whole rule.
 */
abstract class AnnotationGuardInterceptor {

    private static final AccessRule UNRESTRICTED = AccessRule.open("no annotation");

    /** The rule depends on the target class too: an inherited method may be guarded differently per subclass. */
    private record Target(Class<?> type, Method method) {
    }

    /**
     * Shared by every instance (and every guard: the rule is the method's whole rule): an interceptor instance lives as
     * long as the bean instance it intercepts, so a cache per instance would resolve the annotations again for every
     * request-scoped bean (a JAX-RS resource by default).
     */
    private static final Map<Target, AccessRule> RULES = new ConcurrentHashMap<>();
    private final Challenges challenges = new Challenges();

    @Inject
    CurrentCaller currentCaller;

    @Inject
    StepUpClock stepUpClock;

    @AroundInvoke
    Object check(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        // Keyed by the class as invoked (a proxy's subclass): unwrapped to the annotated class once, on a miss
        AccessRule rule = RULES.computeIfAbsent(new Target(invokedClass(invocation, method), method),
                t -> SecurityAnnotations.resolve(Proxies.unwrap(t.type()), t.method()).orElse(UNRESTRICTED));
        if (!rule.isUnrestricted()) {
            // One read of the request's context: the caller lives in it.
            RequestAuthContext authContext = currentCaller.authContext().orElse(null);
            LatchkeyCaller caller = authContext == null ? null : authContext.caller().orElse(null);
            AccessDecision.decide(rule, caller, caller, role -> caller != null && caller.isInGroup(role),
                    challenges.scopeScheme(authContext), stepUpClock).ifPresent(error -> {
                        throw new InsufficientScopeException(error, authContext);
                    });
        }
        return invocation.proceed();
    }

    private static Class<?> invokedClass(InvocationContext invocation, Method method) {
        Object target = invocation.getTarget();
        return target == null ? method.getDeclaringClass() : target.getClass();
    }
}

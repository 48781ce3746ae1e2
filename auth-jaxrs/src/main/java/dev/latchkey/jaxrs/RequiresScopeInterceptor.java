package dev.latchkey.jaxrs;

import dev.latchkey.auth.caller.CurrentCaller;
import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.mechanism.RequestAuthContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RequiresScope} on CDI beans outside JAX-RS: the same rules as the JAX-RS filter, resolved once per method,
 * failing with {@link InsufficientScopeException}.
 */
@RequiresScope({})
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 900)
public class RequiresScopeInterceptor {

    private static final AccessRule UNRESTRICTED = AccessRule.open("no annotation");

    /** The rule depends on the target class too: an inherited method may be guarded differently per subclass. */
    private record Target(Class<?> type, Method method) {
    }

    private final Map<Target, AccessRule> rules = new ConcurrentHashMap<>();
    private final Challenges challenges = new Challenges();

    @Inject
    CurrentCaller currentCaller;

    @AroundInvoke
    Object check(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        AccessRule rule = rules.computeIfAbsent(new Target(targetClass(invocation, method), method),
                t -> SecurityAnnotations.resolve(t.type(), t.method()).orElse(UNRESTRICTED));
        if (!rule.isUnrestricted()) {
            LatchkeyCaller caller = currentCaller.get().orElse(null);
            RequestAuthContext authContext = currentCaller.authContext().orElse(null);
            AccessDecision.decide(rule, caller, caller, role -> caller != null && caller.isInGroup(role),
                    challenges.scopeScheme(authContext)).ifPresent(error -> {
                        throw new InsufficientScopeException(error, authContext);
                    });
        }
        return invocation.proceed();
    }

    private static Class<?> targetClass(InvocationContext invocation, Method method) {
        Object target = invocation.getTarget();
        return target == null ? method.getDeclaringClass() : Proxies.unwrap(target.getClass());
    }
}

package dev.latchkey.jaxrs;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the {@link RequiresScope}, {@link RequiresDPoP} and {@link RequiresAuthenticationContext} rules of every CDI
 * bean at deployment, so that contradictory annotations on a bean guarded by {@link AnnotationGuardInterceptor} fail
 * deployment, as they do on JAX-RS resources.
 */
public class RequiresScopeExtension implements Extension {

    private final List<Throwable> problems = new ArrayList<>();

    <T> void check(@Observes @WithAnnotations({RequiresScope.class, RequiresDPoP.class,
            RequiresAuthenticationContext.class}) ProcessAnnotatedType<T> type) {
        Class<T> beanClass = type.getAnnotatedType().getJavaClass();
        for (Method method : beanClass.getMethods()) {
            if (method.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                SecurityAnnotations.resolve(beanClass, method);
            } catch (IllegalStateException e) {
                problems.add(e);
            }
        }
    }

    void report(@Observes AfterBeanDiscovery event) {
        problems.forEach(event::addDefinitionError);
    }
}

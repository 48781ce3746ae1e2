package dev.latchkey.jaxrs;

import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;

/** {@link RequiresScope} on CDI beans outside JAX-RS ({@link AnnotationGuardInterceptor}). */
@RequiresScope({})
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 900)
public class RequiresScopeInterceptor extends AnnotationGuardInterceptor {
}

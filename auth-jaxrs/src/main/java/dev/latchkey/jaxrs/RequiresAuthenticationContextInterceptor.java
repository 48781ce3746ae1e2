package dev.latchkey.jaxrs;

import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;

/** {@link RequiresAuthenticationContext} on CDI beans outside JAX-RS ({@link AnnotationGuardInterceptor}). */
@RequiresAuthenticationContext
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 900)
public class RequiresAuthenticationContextInterceptor extends AnnotationGuardInterceptor {
}

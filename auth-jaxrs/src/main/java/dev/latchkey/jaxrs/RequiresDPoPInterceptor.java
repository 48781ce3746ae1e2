package dev.latchkey.jaxrs;

import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;

/** {@link RequiresDPoP} on CDI beans outside JAX-RS ({@link AnnotationGuardInterceptor}). */
@RequiresDPoP
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 900)
public class RequiresDPoPInterceptor extends AnnotationGuardInterceptor {
}

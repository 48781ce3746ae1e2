package dev.latchkey.jaxrs;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * One resource method or sub-resource locator of a resource class, as JAX-RS 3.1 §3.3 and §3.4.1 define them.
 *
 * @param owner      the class the member is invoked on
 * @param method     the Java method (never a bridge)
 * @param httpMethod the request method designator ({@code GET}, ...), null for a locator
 * @param path       the member's {@code @Path} ({@code ""} for a resource method without one)
 * @param returns    for a locator, the class it statically returns; null when only known at run time
 *                   ({@code Object}, raw {@code Class}, {@code Class<?>})
 * @param rule       what the member declares (for a locator: the constraints checked before it runs); empty when
 *                   nothing is declared
 */
record ResourceMember(Class<?> owner, Method method, String httpMethod, PathPattern path, Class<?> returns,
                      Optional<AccessRule> rule) {

    boolean isLocator() {
        return httpMethod == null;
    }

    String javaMethod() {
        return SecurityAnnotations.describe(owner, method);
    }
}

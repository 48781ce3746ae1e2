package dev.latchkey.jaxrs;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource methods and sub-resource locators of one class, found with JAX-RS 3.1 §3.6 annotation inheritance:
 * a public method without JAX-RS annotations takes them from the nearest method it overrides or implements that has
 * any (superclass before interface), resolved with the same {@link TypeHierarchy} as the security annotations.
 */
final class ResourceClassModel {

    private ResourceClassModel() {
    }

    static List<ResourceMember> members(Class<?> type) {
        List<ResourceMember> members = new ArrayList<>();
        Map<TypeVariable<?>, Type> bindings = TypeHierarchy.bindings(type);
        for (Method method : type.getMethods()) {
            if (method.isBridge() || method.isSynthetic() || method.getDeclaringClass() == Object.class
                    || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Method annotated = jaxRsDeclaration(type, method);
            if (annotated == null) {
                continue;
            }
            String httpMethod = httpMethod(annotated);
            Path path = annotated.getAnnotation(Path.class);
            if (httpMethod == null && path == null) {
                continue;
            }
            Class<?> returns = httpMethod == null ? staticReturn(annotated.getGenericReturnType(), bindings) : null;
            members.add(new ResourceMember(type, method, httpMethod, PathPattern.of(path == null ? "" : path.value()),
                    returns, httpMethod == null ? SecurityAnnotations.resolve(type, method) : Optional.empty()));
        }
        return members;
    }

    /** The nearest declaration of {@code method} carrying a request method designator or {@code @Path}. */
    private static Method jaxRsDeclaration(Class<?> type, Method method) {
        for (List<Method> level : TypeHierarchy.declarations(type, method)) {
            for (Method declaration : level) {
                if (httpMethod(declaration) != null || declaration.isAnnotationPresent(Path.class)) {
                    return declaration;
                }
            }
        }
        return null;
    }

    static String httpMethod(Method method) {
        for (Annotation annotation : method.getDeclaredAnnotations()) {
            HttpMethod designator = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    /** The class a locator returns as far as its signature says; null when only the run time knows. */
    private static Class<?> staticReturn(Type type, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw = TypeHierarchy.erase(type, bindings);
        if (raw == Class.class) {
            if (type instanceof ParameterizedType parameterized) {
                Type argument = parameterized.getActualTypeArguments()[0];
                if (argument instanceof WildcardType wildcard) {
                    argument = wildcard.getUpperBounds()[0];
                }
                Class<?> target = TypeHierarchy.erase(argument, bindings);
                return target == Object.class ? null : target;
            }
            return null;
        }
        return raw == Object.class ? null : raw;
    }
}

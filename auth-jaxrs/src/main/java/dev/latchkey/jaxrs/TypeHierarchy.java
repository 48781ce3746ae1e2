package dev.latchkey.jaxrs;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The supertypes of a class by distance, and the methods a method overrides or implements, matched by name and by
 * parameter erasure <em>after</em> resolving the type variables of the generic supertypes as the class binds them
 * (JLS §8.4.8.1), so that {@code put(String id, T body)} of {@code CrudApi<T>} is found for
 * {@code Gen implements CrudApi<String>}. Bridge and synthetic methods are never returned.
 */
final class TypeHierarchy {

    private TypeHierarchy() {
    }

    /** Level 0 is {@code type}; level n+1 the superclass (first) and interfaces of level n; each type once. */
    static List<List<Class<?>>> levels(Class<?> type) {
        List<List<Class<?>>> levels = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        List<Class<?>> current = List.of(type);
        seen.add(type);
        while (!current.isEmpty()) {
            levels.add(current);
            List<Class<?>> next = new ArrayList<>();
            for (Class<?> c : current) {
                Class<?> superclass = c.getSuperclass();
                if (superclass != null && superclass != Object.class && seen.add(superclass)) {
                    next.add(superclass);
                }
                for (Class<?> i : c.getInterfaces()) {
                    if (seen.add(i)) {
                        next.add(i);
                    }
                }
            }
            current = next;
        }
        return levels;
    }

    /**
     * The declarations of {@code method} in the hierarchy of {@code type}, by distance from {@code type}: the
     * declaration in {@code type} (or wherever it is inherited from) and every method it overrides or implements.
     */
    static List<List<Method>> declarations(Class<?> type, Method method) {
        Map<TypeVariable<?>, Type> bindings = bindings(type);
        Method target = nonBridge(method);
        List<Class<?>> signature = erasure(target, bindings);
        List<List<Method>> result = new ArrayList<>();
        for (List<Class<?>> level : levels(type)) {
            List<Method> found = new ArrayList<>();
            for (Class<?> c : level) {
                for (Method candidate : c.getDeclaredMethods()) {
                    if (candidate.getName().equals(target.getName()) && !candidate.isBridge()
                            && !candidate.isSynthetic() && !Modifier.isStatic(candidate.getModifiers())
                            && !Modifier.isPrivate(candidate.getModifiers())
                            && candidate.getParameterCount() == target.getParameterCount()
                            && erasure(candidate, bindings).equals(signature)) {
                        found.add(candidate);
                    }
                }
            }
            result.add(found);
        }
        return result;
    }

    /** For a compiler-generated bridge, the method it bridges to (same class, same name, narrower parameters). */
    static Method nonBridge(Method method) {
        if (!method.isBridge()) {
            return method;
        }
        for (Method candidate : method.getDeclaringClass().getDeclaredMethods()) {
            if (!candidate.isBridge() && candidate.getName().equals(method.getName())
                    && candidate.getParameterCount() == method.getParameterCount()
                    && assignable(method.getParameterTypes(), candidate.getParameterTypes())) {
                return candidate;
            }
        }
        return method;
    }

    private static boolean assignable(Class<?>[] wide, Class<?>[] narrow) {
        for (int i = 0; i < wide.length; i++) {
            if (!wide[i].isAssignableFrom(narrow[i])) {
                return false;
            }
        }
        return true;
    }

    private static List<Class<?>> erasure(Method method, Map<TypeVariable<?>, Type> bindings) {
        return Arrays.stream(method.getGenericParameterTypes()).<Class<?>>map(t -> erase(t, bindings)).toList();
    }

    /** How {@code type} binds the type variables of its generic superclasses and interfaces, transitively. */
    static Map<TypeVariable<?>, Type> bindings(Class<?> type) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        collect(type, bindings, new LinkedHashSet<>());
        return bindings;
    }

    private static void collect(Class<?> type, Map<TypeVariable<?>, Type> bindings, Set<Class<?>> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        List<Type> supertypes = new ArrayList<>();
        if (type.getGenericSuperclass() != null) {
            supertypes.add(type.getGenericSuperclass());
        }
        supertypes.addAll(List.of(type.getGenericInterfaces()));
        for (Type supertype : supertypes) {
            if (supertype instanceof ParameterizedType parameterized) {
                Class<?> raw = (Class<?>) parameterized.getRawType();
                TypeVariable<?>[] variables = raw.getTypeParameters();
                Type[] arguments = parameterized.getActualTypeArguments();
                for (int i = 0; i < variables.length; i++) {
                    bindings.putIfAbsent(variables[i], resolve(arguments[i], bindings));
                }
                collect(raw, bindings, seen);
            } else if (supertype instanceof Class<?> plain) {
                collect(plain, bindings, seen);
            }
        }
    }

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
        Type current = type;
        for (int guard = 0; current instanceof TypeVariable<?> v && bindings.containsKey(v) && guard < 64; guard++) {
            current = bindings.get(v);
        }
        return current;
    }

    /** The erasure of {@code type} (JLS §4.6) after substituting the bound type variables. */
    static Class<?> erase(Type type, Map<TypeVariable<?>, Type> bindings) {
        Type resolved = resolve(type, bindings);
        if (resolved instanceof Class<?> c) {
            return c;
        }
        if (resolved instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (resolved instanceof GenericArrayType array) {
            return Array.newInstance(erase(array.getGenericComponentType(), bindings), 0).getClass();
        }
        if (resolved instanceof TypeVariable<?> variable) {
            return erase(variable.getBounds()[0], bindings);
        }
        if (resolved instanceof WildcardType wildcard) {
            return erase(wildcard.getUpperBounds()[0], bindings);
        }
        return Object.class;
    }
}

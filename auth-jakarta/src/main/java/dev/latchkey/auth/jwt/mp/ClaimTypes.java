package dev.latchkey.auth.jwt.mp;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Provider;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.ClaimValue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The claim value types of MicroProfile JWT 2.1 §"Injection of JsonWebToken claims via Raw Type, ClaimValue,
 * jakarta.enterprise.inject.Instance and JSON-P Types": {@code String}, {@code Long}/{@code long},
 * {@code Boolean}/{@code boolean}, {@code Set<String>}, the JSON-P types ({@code JsonValue}, {@code JsonString},
 * {@code JsonNumber}, {@code JsonArray}, {@code JsonObject}), {@code Optional} of those, and {@code ClaimValue} of
 * those or of their {@code Optional}; plus {@code Instance}/{@code Provider} of any of them at an injection point.
 *
 * <p>{@link #convert} turns a claim as {@code JsonWebToken.getClaim} returns it into one of the value types. A claim
 * whose JSON type does not fit the requested type is treated as absent ({@code null}, empty {@code Optional}): the
 * token comes from the client, and a claim of an unexpected type must not become a server error.
 */
public final class ClaimTypes {

    private static final Set<Class<?>> VALUE_CLASSES = Set.of(String.class, Long.class, long.class, Boolean.class,
            boolean.class, JsonValue.class, JsonString.class, JsonNumber.class, JsonArray.class, JsonObject.class);

    private ClaimTypes() {
    }

    /** The type of an injection point without {@code Instance<>}/{@code Provider<>} around it. */
    public static Type unwrapLookup(Type type) {
        if (type instanceof ParameterizedType p && (p.getRawType() == Instance.class || p.getRawType() == Provider.class)) {
            return p.getActualTypeArguments()[0];
        }
        return type;
    }

    /** Whether {@code @Claim} injection supports {@code type} (after {@link #unwrapLookup}). */
    public static boolean isSupported(Type type) {
        if (type == ClaimValue.class) {
            return true; // raw ClaimValue: the claim as JsonWebToken.getClaim returns it
        }
        if (type instanceof ParameterizedType p && p.getRawType() == ClaimValue.class) {
            Type value = p.getActualTypeArguments()[0];
            return value == Object.class || isValueOrOptional(value);
        }
        return isValueOrOptional(type);
    }

    private static boolean isValueOrOptional(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            return isValue(p.getActualTypeArguments()[0]);
        }
        return isValue(type);
    }

    private static boolean isValue(Type type) {
        if (type instanceof Class<?> c) {
            return VALUE_CLASSES.contains(c);
        }
        return type instanceof ParameterizedType p && p.getRawType() == Set.class
                && p.getActualTypeArguments()[0] == String.class;
    }

    /** The type argument of {@code ClaimValue<T>}/{@code Optional<T>}; {@code Object} for a raw or wildcard one. */
    public static Type typeArgument(Type type) {
        if (type instanceof ParameterizedType p) {
            Type arg = p.getActualTypeArguments()[0];
            return arg instanceof WildcardType ? Object.class : arg;
        }
        return Object.class;
    }

    /**
     * @param claim  the claim as {@code JsonWebToken.getClaim} returned it, or {@code null} when absent
     * @param target a supported value type or {@code Optional} of one ({@code Set.class} stands for
     *               {@code Set<String>}); {@code Object} returns the claim unchanged
     */
    public static Object convert(Object claim, Type target) {
        if (target instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            return Optional.ofNullable(convert(claim, p.getActualTypeArguments()[0]));
        }
        if (claim == null || target == Object.class) {
            return claim;
        }
        if (target == Set.class || target instanceof ParameterizedType p && p.getRawType() == Set.class) {
            return strings(claim);
        }
        if (target == String.class) {
            return claim instanceof JsonString s ? s.getString() : claim instanceof String s ? s : null;
        }
        if (target == Long.class || target == long.class) {
            return exactLong(claim);
        }
        if (target == Boolean.class || target == boolean.class) {
            return claim instanceof Boolean b ? b : JsonValue.TRUE.equals(claim) ? Boolean.TRUE
                    : JsonValue.FALSE.equals(claim) ? Boolean.FALSE : null;
        }
        if (target instanceof Class<?> json && JsonValue.class.isAssignableFrom(json)) {
            JsonValue value = JsonValues.of(claim);
            return json.isInstance(value) ? value : null;
        }
        throw new IllegalArgumentException("not a claim value type: " + target.getTypeName());
    }

    /**
     * A whole number ({@code 2}, {@code 2.0}) that fits a {@code long}; {@code null} (absent) for a fraction ({@code 1.9}), one out of range
     * ({@code 1e20}) or a non-number: narrowing would invent a value the token does not carry.
     */
    private static Long exactLong(Object claim) {
        try {
            if (claim instanceof JsonNumber n) {
                return n.bigDecimalValue().longValueExact();
            }
            if (claim instanceof Long || claim instanceof Integer || claim instanceof Short || claim instanceof Byte) {
                return ((Number) claim).longValue();
            }
            if (claim instanceof Number n) {
                return new BigDecimal(n.toString()).longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** A string or an array of strings as a set; {@code null} for anything else. */
    private static Set<String> strings(Object claim) {
        if (claim instanceof String s) {
            return Set.of(s);
        }
        if (claim instanceof JsonString s) {
            return Set.of(s.getString());
        }
        if (!(claim instanceof Collection<?> values)) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (Object v : values) {
            if (v instanceof String s) {
                out.add(s);
            } else if (v instanceof JsonString s) {
                out.add(s.getString());
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }
}

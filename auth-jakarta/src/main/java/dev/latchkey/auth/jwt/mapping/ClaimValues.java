package dev.latchkey.auth.jwt.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Helpers over JSON claim values (as parsed by Nimbus: Map, List, String, Number, Boolean). */
public final class ClaimValues {

    /** Deeper claim values are cut off (a claim is data for the application, not a tree to recurse into). */
    public static final int MAX_DEPTH = 16;

    private ClaimValues() {
    }

    /**
     * A deep, immutable copy: nulls dropped, anything deeper than {@link #MAX_DEPTH} dropped. The top level is a
     * {@link Map#copyOf} map (no particular order): compact while a verified token is cached, and taken as it is by
     * {@code Map.copyOf} when a caller is made from it on every request that presents the token.
     */
    public static Map<String, Object> immutableCopy(Map<String, Object> claims) {
        Object copy = copy(claims, 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) copy;
        return Map.copyOf(map);
    }

    private static Object copy(Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            if (depth >= MAX_DEPTH) {
                return null;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object c = copy(v, depth + 1);
                if (k != null && c != null) {
                    out.put(k.toString(), c);
                }
            });
            return java.util.Collections.unmodifiableMap(out);
        }
        if (value instanceof Collection<?> list) {
            if (depth >= MAX_DEPTH) {
                return null;
            }
            List<Object> out = new ArrayList<>();
            for (Object v : list) {
                Object c = copy(v, depth + 1);
                if (c != null) {
                    out.add(c);
                }
            }
            return List.copyOf(out);
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return value == null ? null : value.toString();
    }

    /** The value at a dotted path ({@code realm_access.roles}); a claim whose own name contains dots wins. */
    public static Optional<Object> at(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return Optional.ofNullable(claims.get(path));
        }
        Object current = claims;
        for (String segment : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(segment);
        }
        return Optional.ofNullable(current);
    }

    /** A string or an array of strings as a set; a string is one value (never split). */
    public static Set<String> strings(Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof String s && !s.isBlank()) {
            out.add(s);
        } else if (value instanceof Collection<?> list) {
            for (Object v : list) {
                if (v instanceof String s && !s.isBlank()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** A space-separated string (RFC 8693 §4.2 {@code scope}) or an array of strings. */
    public static Set<String> spaceSeparated(Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof String s) {
            for (String part : s.trim().split(" +")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        } else {
            out.addAll(strings(value));
        }
        return out;
    }

    /** The latest NumericDate accepted, 9999-12-31T23:59:59Z: later ones are malformed, not far-future dates. */
    public static final long MAX_EPOCH_SECONDS = 253_402_300_799L;

    /**
     * A NumericDate (RFC 7519 §2: seconds since the epoch) as an instant, or empty when {@code value} is not a number
     * from 0 to {@link #MAX_EPOCH_SECONDS} (so no arithmetic on it can leave {@link Instant}'s range).
     */
    public static Optional<Instant> epochSeconds(Object value) {
        if (!(value instanceof Number n)) {
            return Optional.empty();
        }
        double seconds = n.doubleValue();
        return seconds >= 0 && seconds <= MAX_EPOCH_SECONDS ? Optional.of(Instant.ofEpochSecond(n.longValue()))
                : Optional.empty();
    }
}

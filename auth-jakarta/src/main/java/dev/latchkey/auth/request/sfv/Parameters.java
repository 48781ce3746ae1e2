package dev.latchkey.auth.request.sfv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parameters (RFC 8941 §3.1.2): an ordered map of keys to bare items. Order is significant for serialization (and so
 * for signatures over serialized values); a repeated key keeps its first position and takes its last value (RFC 8941
 * §4.2.3.2).
 */
public final class Parameters {

    public static final Parameters EMPTY = new Parameters(Map.of());

    private final Map<String, Object> values;

    private Parameters(Map<String, Object> values) {
        this.values = values;
    }

    /** @param values keys in order; each key must be an RFC 8941 key and each value a bare item */
    public static Parameters of(Map<String, ?> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!Chars.isKey(k)) {
                throw new StructuredFieldException("not a parameter key");
            }
            copy.put(k, BareItems.check(v));
        });
        return new Parameters(Collections.unmodifiableMap(copy));
    }

    /** These parameters with {@code key} set to {@code value} (in place when present, else appended). */
    public Parameters with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return of(copy);
    }

    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The parameters in order, unmodifiable. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** Equal when the same keys map to the same values in the same order. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters other && values.equals(other.values)
                && values.keySet().stream().toList().equals(other.values.keySet().stream().toList());
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return StructuredFields.serializeParameters(this);
    }
}

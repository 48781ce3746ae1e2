package dev.latchkey.auth.request.sfv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Dictionary (RFC 8941 §3.2): ordered keys to members. As RFC 8941 §4.2.2 requires, a key that occurs more than once
 * keeps its first position and its last value; such keys are reported in {@link #repeatedKeys()}, because some uses
 * must refuse them (RFC 9421 §4: signature labels are unique within a message).
 *
 * @param members      members in order, unmodifiable
 * @param repeatedKeys keys that occurred more than once in the parsed field value (empty for a built dictionary)
 */
public record Dictionary(Map<String, Member> members, Set<String> repeatedKeys) {

    public static final Dictionary EMPTY = new Dictionary(Map.of(), Set.of());

    public Dictionary {
        Map<String, Member> copy = new LinkedHashMap<>();
        members.forEach((k, v) -> {
            if (!Chars.isKey(k)) {
                throw new StructuredFieldException("not a dictionary key");
            }
            copy.put(k, Objects.requireNonNull(v, "member"));
        });
        members = Collections.unmodifiableMap(copy);
        repeatedKeys = Set.copyOf(repeatedKeys);
    }

    public static Dictionary of(Map<String, Member> members) {
        return new Dictionary(members, Set.of());
    }

    public Optional<Member> get(String key) {
        return Optional.ofNullable(members.get(key));
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    @Override
    public String toString() {
        return StructuredFields.serialize(this);
    }
}

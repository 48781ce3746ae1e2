package dev.latchkey.auth.signature;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields whose structured type the verifier knows, which the {@code sf} parameter needs (RFC 9421 §2.1.1: "If the
 * application does not know the type of the field ... the use of this flag will produce an error"). Built in: the
 * structured fields of RFC 9421, RFC 9530 and RFC 9218; more come from {@code latchkey.signature.structured-fields}.
 */
public record StructuredFieldTypes(Map<String, Type> types) {

    /** The three top-level types (RFC 8941 §3). */
    public enum Type { LIST, DICTIONARY, ITEM }

    public static final StructuredFieldTypes BUILT_IN = new StructuredFieldTypes(Map.of(
            "signature-input", Type.DICTIONARY, "signature", Type.DICTIONARY, "accept-signature", Type.DICTIONARY,
            "content-digest", Type.DICTIONARY, "repr-digest", Type.DICTIONARY, "want-content-digest", Type.DICTIONARY,
            "want-repr-digest", Type.DICTIONARY, "priority", Type.DICTIONARY));

    public StructuredFieldTypes {
        types = Map.copyOf(types);
    }

    public Optional<Type> typeOf(String lowercaseName) {
        return Optional.ofNullable(types.get(lowercaseName));
    }

    /** These types plus {@code more} (names lowercased; {@code more} wins). */
    public StructuredFieldTypes with(Map<String, Type> more) {
        Map<String, Type> merged = new LinkedHashMap<>(types);
        more.forEach((name, type) -> merged.put(name.toLowerCase(Locale.ROOT), type));
        return new StructuredFieldTypes(merged);
    }
}

package dev.latchkey.auth.request.sfv;

import java.util.Objects;

/**
 * An Item (RFC 8941 §3.3): a bare item with parameters. {@code value} is a {@link Long}, {@link java.math.BigDecimal},
 * {@link String}, {@link Token}, {@link ByteSequence} or {@link Boolean}.
 */
public record Item(Object value, Parameters parameters) implements Member {

    public Item {
        value = BareItems.check(value);
        Objects.requireNonNull(parameters, "parameters");
    }

    public static Item of(Object value) {
        return new Item(value, Parameters.EMPTY);
    }

    @Override
    public String toString() {
        return StructuredFields.serialize(this);
    }
}

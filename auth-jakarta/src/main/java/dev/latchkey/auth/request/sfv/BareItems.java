package dev.latchkey.auth.request.sfv;

import java.math.BigDecimal;

/**
 * The Java types of bare items (RFC 8941 §3.3): Integer as {@link Long}, Decimal as {@link BigDecimal}, String as
 * {@link String}, Token as {@link Token}, Byte Sequence as {@link ByteSequence}, Boolean as {@link Boolean}.
 */
final class BareItems {

    private BareItems() {
    }

    /** {@code value} as one of the bare item types ({@link Integer} widened to {@link Long}). */
    static Object check(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Long || value instanceof BigDecimal || value instanceof String || value instanceof Token
                || value instanceof ByteSequence || value instanceof Boolean) {
            return value;
        }
        throw new StructuredFieldException("not a bare item type: " + (value == null ? "null" : value.getClass().getName()));
    }
}

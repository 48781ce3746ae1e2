package dev.latchkey.auth.request.sfv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The strict serialization of RFC 8941 §4.1, one method per section. Every "fail serialization" of the RFC throws
 * {@link StructuredFieldException}.
 */
final class Serializer {

    private static final long MAX_INTEGER = 999_999_999_999_999L;
    private static final BigDecimal MAX_DECIMAL = new BigDecimal("999999999999.999");

    private Serializer() {
    }

    /** RFC 8941 §4.1.1. */
    static String list(List<? extends Member> members) {
        StringBuilder out = new StringBuilder();
        for (Member m : members) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            member(m, out);
        }
        return out.toString();
    }

    /** RFC 8941 §4.1.2. */
    static String dictionary(Dictionary dictionary) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Member> e : dictionary.members().entrySet()) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            key(e.getKey(), out);
            Member m = e.getValue();
            if (m instanceof Item item && Boolean.TRUE.equals(item.value())) {
                parameters(item.parameters(), out);
            } else {
                out.append('=');
                member(m, out);
            }
        }
        return out.toString();
    }

    static void member(Member m, StringBuilder out) {
        if (m instanceof InnerList inner) {
            innerList(inner, out);
        } else {
            item((Item) m, out);
        }
    }

    /** RFC 8941 §4.1.1.1. */
    static void innerList(InnerList inner, StringBuilder out) {
        out.append('(');
        boolean first = true;
        for (Item item : inner.items()) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            item(item, out);
        }
        out.append(')');
        parameters(inner.parameters(), out);
    }

    /** RFC 8941 §4.1.3. */
    static void item(Item item, StringBuilder out) {
        bareItem(item.value(), out);
        parameters(item.parameters(), out);
    }

    /** RFC 8941 §4.1.1.2. */
    static void parameters(Parameters parameters, StringBuilder out) {
        for (Map.Entry<String, Object> e : parameters.asMap().entrySet()) {
            out.append(';');
            key(e.getKey(), out);
            if (!Boolean.TRUE.equals(e.getValue())) {
                out.append('=');
                bareItem(e.getValue(), out);
            }
        }
    }

    /** RFC 8941 §4.1.1.3. */
    static void key(String key, StringBuilder out) {
        if (!Chars.isKey(key)) {
            throw new StructuredFieldException("not a key");
        }
        out.append(key);
    }

    /** RFC 8941 §4.1.3.1. */
    static void bareItem(Object value, StringBuilder out) {
        if (value instanceof Long l) {
            integer(l, out);
        } else if (value instanceof BigDecimal d) {
            decimal(d, out);
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Token t) {
            out.append(t.value());
        } else if (value instanceof ByteSequence b) {
            out.append(':').append(Base64.getEncoder().encodeToString(b.bytes())).append(':');
        } else if (value instanceof Boolean b) {
            out.append(b ? "?1" : "?0");
        } else {
            throw new StructuredFieldException("not a bare item");
        }
    }

    /** RFC 8941 §4.1.4. */
    private static void integer(long value, StringBuilder out) {
        if (value < -MAX_INTEGER || value > MAX_INTEGER) {
            throw new StructuredFieldException("integer out of range");
        }
        out.append(value);
    }

    /** RFC 8941 §4.1.5: rounded to three fraction digits (half to even), at least one fraction digit. */
    private static void decimal(BigDecimal value, StringBuilder out) {
        BigDecimal rounded = value.setScale(3, RoundingMode.HALF_EVEN);
        if (rounded.abs().compareTo(MAX_DECIMAL) > 0) {
            throw new StructuredFieldException("decimal with more than 12 integer digits");
        }
        BigDecimal stripped = rounded.stripTrailingZeros();
        if (stripped.scale() < 1) {
            stripped = stripped.setScale(1);
        }
        out.append(stripped.toPlainString());
    }

    /** RFC 8941 §4.1.6: printable ASCII only; {@code "} and {@code \} escaped. */
    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new StructuredFieldException("string with a character outside %x20-7E");
            }
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }
}

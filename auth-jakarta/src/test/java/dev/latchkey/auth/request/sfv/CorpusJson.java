package dev.latchkey.auth.request.sfv;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of the structured-field-tests corpus (its README, "Test Format") turned into Latchkey's model, and the
 * model turned into plain lists and maps for comparison (decimals compared by value, order kept everywhere).
 */
final class CorpusJson {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private CorpusJson() {
    }

    static Object model(String headerType, JsonValue expected) {
        return switch (headerType) {
            case "item" -> item(expected.asJsonArray());
            case "list" -> expected.asJsonArray().stream().map(CorpusJson::member).toList();
            case "dictionary" -> {
                Map<String, Member> members = new LinkedHashMap<>();
                for (JsonValue pair : expected.asJsonArray()) {
                    members.put(pair.asJsonArray().getString(0), member(pair.asJsonArray().get(1)));
                }
                yield Dictionary.of(members);
            }
            default -> throw new IllegalArgumentException(headerType);
        };
    }

    static Member member(JsonValue value) {
        JsonArray pair = value.asJsonArray();
        if (pair.get(0).getValueType() == JsonValue.ValueType.ARRAY) {
            List<Item> items = pair.getJsonArray(0).stream().map(v -> item(v.asJsonArray())).toList();
            return new InnerList(items, parameters(pair.getJsonArray(1)));
        }
        return item(pair);
    }

    static Item item(JsonArray pair) {
        return new Item(bare(pair.get(0)), parameters(pair.getJsonArray(1)));
    }

    static Parameters parameters(JsonArray params) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (JsonValue p : params) {
            out.put(p.asJsonArray().getString(0), bare(p.asJsonArray().get(1)));
        }
        return Parameters.of(out);
    }

    static Object bare(JsonValue v) {
        return switch (v.getValueType()) {
            case NUMBER -> ((JsonNumber) v).isIntegral() ? (Object) ((JsonNumber) v).longValueExact()
                    : ((JsonNumber) v).bigDecimalValue();
            case STRING -> ((JsonString) v).getString();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case OBJECT -> typed(v.asJsonObject());
            default -> throw new IllegalArgumentException("unexpected " + v);
        };
    }

    private static Object typed(JsonObject o) {
        String type = o.getString("__type");
        return switch (type) {
            case "token" -> new Token(o.getString("value"));
            case "binary" -> ByteSequence.of(base32(o.getString("value")));
            default -> throw new UnsupportedOperationException("type " + type);
        };
    }

    /** RFC 4648 §6 base32, padding ignored. */
    static byte[] base32(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            if (c == '=') {
                break;
            }
            buffer = (buffer << 5) | BASE32.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /** The model as nested lists and maps: comparable with equals, order-sensitive, decimals by value. */
    static Object plain(Object model) {
        if (model instanceof Dictionary d) {
            List<Object> out = new ArrayList<>();
            d.members().forEach((k, v) -> out.add(List.of(k, plain(v))));
            return out;
        }
        if (model instanceof List<?> list) {
            return list.stream().map(CorpusJson::plain).toList();
        }
        if (model instanceof InnerList inner) {
            return List.of("inner", inner.items().stream().map(CorpusJson::plain).toList(), plain(inner.parameters()));
        }
        if (model instanceof Item item) {
            return List.of(plainBare(item.value()), plain(item.parameters()));
        }
        if (model instanceof Parameters p) {
            List<Object> out = new ArrayList<>();
            p.asMap().forEach((k, v) -> out.add(List.of(k, plainBare(v))));
            return out;
        }
        throw new IllegalArgumentException(String.valueOf(model));
    }

    private static Object plainBare(Object v) {
        if (v instanceof BigDecimal d) {
            return "decimal:" + d.stripTrailingZeros().toPlainString();
        }
        return v;
    }

    static BigDecimal decimal(String s) {
        return new BigDecimal(s);
    }
}

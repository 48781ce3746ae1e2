package dev.latchkey.auth.jwt.mp;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/** Claim values (as parsed by Nimbus: Map, List, String, Number, Boolean; or already JSON-P) as JSON-P values. */
final class JsonValues {

    private JsonValues() {
    }

    /** One JSON-P provider, looked up on first use (each {@code Json.create*} call would look it up again). */
    private static final class Json {
        static final JsonProvider PROVIDER = JsonProvider.provider();
    }

    static JsonValue of(Object value) {
        if (value instanceof JsonValue json) {
            return json;
        }
        JsonProvider json = Json.PROVIDER;
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder b = json.createObjectBuilder();
            map.forEach((k, v) -> b.add(k.toString(), of(v)));
            return b.build();
        }
        if (value instanceof Collection<?> list) {
            JsonArrayBuilder b = json.createArrayBuilder();
            list.forEach(v -> b.add(of(v)));
            return b.build();
        }
        if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return json.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return json.createValue(big);
        }
        if (value instanceof BigDecimal dec) {
            return json.createValue(dec);
        }
        if (value instanceof Number n) {
            return json.createValue(n.doubleValue());
        }
        return json.createValue(String.valueOf(value));
    }
}

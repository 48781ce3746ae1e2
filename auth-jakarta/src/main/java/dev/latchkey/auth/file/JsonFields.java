package dev.latchkey.auth.file;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Field conventions shared by Latchkey's JSON record files: string sets as sorted arrays, instants as ISO-8601
 * strings, absent optional fields omitted.
 */
public final class JsonFields {

    private JsonFields() {
    }

    public static JsonArrayBuilder array(Set<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.stream().sorted().forEach(a::add);
        return a;
    }

    public static Set<String> set(JsonArray array) {
        Set<String> out = new LinkedHashSet<>();
        if (array != null) {
            for (JsonValue v : array) {
                out.add(((JsonString) v).getString());
            }
        }
        return out;
    }

    /** Adds {@code name} as {@code value.toString()} unless {@code value} is null. */
    public static void optional(JsonObjectBuilder b, String name, Object value) {
        if (value != null) {
            b.add(name, value.toString());
        }
    }

    public static Instant instant(JsonObject o, String name) {
        String v = o.getString(name, null);
        return v == null ? null : Instant.parse(v);
    }
}

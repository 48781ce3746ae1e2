package dev.latchkey.auth.request.sfv;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The public structured-field-tests corpus (https://github.com/httpwg/structured-field-tests, copied under
 * {@code src/test/resources/.../structured-field-tests} with its licence): every parse test (value, failure, canonical
 * serialization) and every serialization test. RFC 9651's Date and Display String files are left out (RFC 8941 has
 * neither type), as is {@code large-generated.json} (700 KB of size limits that {@link StructuredFieldsTest} covers).
 */
class StructuredFieldCorpusTest {

    private static final String DIR = "structured-field-tests/";
    private static final List<String> PARSE_FILES = List.of("binary", "boolean", "dictionary", "examples", "item",
            "key-generated", "list", "listlist", "number-generated", "number", "param-dict", "param-list",
            "param-listlist", "string-generated", "string", "token-generated", "token");
    private static final List<String> SERIALISATION_FILES = List.of("key-generated", "number", "string-generated",
            "token-generated");

    @TestFactory
    Stream<DynamicTest> whenCorpusParseTestRunThenOutcomeMatches() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : PARSE_FILES) {
            for (JsonValue t : read(DIR + file + ".json")) {
                JsonObject test = t.asJsonObject();
                tests.add(DynamicTest.dynamicTest(file + ": " + test.getString("name"), () -> parseTest(test)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> whenCorpusSerialisationTestRunThenOutputMatches() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : SERIALISATION_FILES) {
            for (JsonValue t : read(DIR + "serialisation-tests/" + file + ".json")) {
                JsonObject test = t.asJsonObject();
                tests.add(DynamicTest.dynamicTest("serialisation " + file + ": " + test.getString("name"),
                        () -> serialisationTest(test)));
            }
        }
        return tests.stream();
    }

    private static void parseTest(JsonObject test) {
        String type = test.getString("header_type");
        List<String> raw = strings(test.getJsonArray("raw"));
        boolean mustFail = test.getBoolean("must_fail", false);
        boolean canFail = test.getBoolean("can_fail", false);
        Object parsed;
        if (mustFail) {
            assertThrows(StructuredFieldException.class, () -> parse(type, raw));
            return;
        }
        try {
            parsed = parse(type, raw);
        } catch (StructuredFieldException e) {
            if (canFail) {
                return;
            }
            throw e;
        }
        assertEquals(CorpusJson.plain(CorpusJson.model(type, test.get("expected"))), CorpusJson.plain(parsed));
        List<String> canonical = test.containsKey("canonical") ? strings(test.getJsonArray("canonical")) : raw;
        assertEquals(canonical.isEmpty() ? "" : canonical.get(0), serialize(parsed));
    }

    private static void serialisationTest(JsonObject test) {
        String type = test.getString("header_type");
        if (test.getBoolean("must_fail", false)) {
            assertThrows(StructuredFieldException.class,
                    () -> serialize(CorpusJson.model(type, test.get("expected"))));
            return;
        }
        List<String> canonical = strings(test.getJsonArray("canonical"));
        assertEquals(canonical.isEmpty() ? "" : canonical.get(0),
                serialize(CorpusJson.model(type, test.get("expected"))));
    }

    private static Object parse(String type, List<String> raw) {
        return switch (type) {
            case "item" -> StructuredFields.parseItem(raw);
            case "list" -> StructuredFields.parseList(raw);
            case "dictionary" -> StructuredFields.parseDictionary(raw);
            default -> throw new IllegalArgumentException(type);
        };
    }

    @SuppressWarnings("unchecked")
    private static String serialize(Object model) {
        if (model instanceof Dictionary d) {
            return StructuredFields.serialize(d);
        }
        if (model instanceof Member m) {
            return StructuredFields.serialize(m);
        }
        return StructuredFields.serialize((List<Member>) model);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonArray read(String resource) {
        InputStream in = StructuredFieldCorpusTest.class.getResourceAsStream(resource);
        assertNotNull(in, resource);
        try (JsonReader reader = Json.createReader(in)) {
            return reader.readArray();
        }
    }
}

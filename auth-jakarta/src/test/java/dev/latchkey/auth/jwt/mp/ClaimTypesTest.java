package dev.latchkey.auth.jwt.mp;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Provider;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimTypesTest {

    private static Type type(TypeLiteral<?> literal) {
        return literal.getType();
    }

    @Test
    void whenSpecListedTypeThenSupported() {
        for (Type t : List.of(String.class, Long.class, long.class, Boolean.class, boolean.class, JsonValue.class,
                JsonString.class, JsonNumber.class, JsonArray.class, JsonObject.class, ClaimValue.class,
                type(new TypeLiteral<Set<String>>() { }), type(new TypeLiteral<Optional<Long>>() { }),
                type(new TypeLiteral<Optional<Set<String>>>() { }), type(new TypeLiteral<ClaimValue<JsonNumber>>() { }),
                type(new TypeLiteral<ClaimValue<Optional<String>>>() { }), type(new TypeLiteral<ClaimValue<Object>>() { }),
                type(new TypeLiteral<ClaimValue<Set<String>>>() { }))) {
            assertTrue(ClaimTypes.isSupported(t), t.getTypeName());
        }
    }

    @Test
    void whenOtherTypeThenUnsupported() {
        for (Type t : List.of(Integer.class, Double.class, Object.class, Set.class, Optional.class,
                type(new TypeLiteral<Set<Long>>() { }), type(new TypeLiteral<List<String>>() { }),
                type(new TypeLiteral<Optional<Integer>>() { }), type(new TypeLiteral<Optional<Optional<String>>>() { }),
                type(new TypeLiteral<ClaimValue<Integer>>() { }),
                type(new TypeLiteral<ClaimValue<ClaimValue<String>>>() { }))) {
            assertFalse(ClaimTypes.isSupported(t), t.getTypeName());
        }
    }

    @Test
    void whenInstanceOrProviderThenTheirTypeArgument() {
        assertEquals(Long.class, ClaimTypes.unwrapLookup(type(new TypeLiteral<Instance<Long>>() { })));
        assertEquals(type(new TypeLiteral<Optional<String>>() { }),
                ClaimTypes.unwrapLookup(type(new TypeLiteral<Provider<Optional<String>>>() { })));
        assertEquals(String.class, ClaimTypes.unwrapLookup(String.class));
    }

    @Test
    void whenScalarTargetsThenConvertedFromJavaOrJson() {
        JsonProvider json = JsonProvider.provider();
        assertEquals("v", ClaimTypes.convert("v", String.class));
        assertEquals("v", ClaimTypes.convert(json.createValue("v"), String.class));
        assertEquals(7L, ClaimTypes.convert(7L, Long.class));
        assertEquals(7L, ClaimTypes.convert(7, long.class));
        assertEquals(7L, ClaimTypes.convert(json.createValue(7L), Long.class));
        assertEquals(true, ClaimTypes.convert(true, Boolean.class));
        assertEquals(false, ClaimTypes.convert(JsonValue.FALSE, boolean.class));
    }

    @Test
    void whenSetTargetThenStringOrArrayOfStrings() {
        assertEquals(Set.of("a"), ClaimTypes.convert("a", Set.class));
        assertEquals(Set.of("a", "b"), ClaimTypes.convert(List.of("a", "b", 3L), type(new TypeLiteral<Set<String>>() { })));
        JsonArray array = JsonProvider.provider().createArrayBuilder().add("x").add("y").build();
        assertEquals(Set.of("x", "y"), ClaimTypes.convert(array, Set.class));
    }

    @Test
    void whenJsonTargetsThenJsonValuesOfTheClaim() {
        assertEquals("raw", ((JsonString) ClaimTypes.convert("raw", JsonString.class)).getString());
        assertEquals(1_700_000_000L, ((JsonNumber) ClaimTypes.convert(1_700_000_000L, JsonNumber.class)).longValue());
        assertEquals(2.5, ((JsonNumber) ClaimTypes.convert(2.5, JsonNumber.class)).doubleValue());
        JsonArray aud = (JsonArray) ClaimTypes.convert(Set.of("api"), JsonArray.class);
        assertEquals("api", aud.getString(0));
        assertEquals("v", ((JsonObject) ClaimTypes.convert(Map.of("k", "v"), JsonObject.class)).getString("k"));
        assertEquals(JsonValue.TRUE, ClaimTypes.convert(true, JsonValue.class));
    }

    @Test
    void whenClaimOfAnotherTypeThenTreatedAsAbsent() {
        assertNull(ClaimTypes.convert(42L, String.class));
        assertNull(ClaimTypes.convert("42", Long.class));
        assertNull(ClaimTypes.convert("true", Boolean.class));
        assertNull(ClaimTypes.convert(Map.of("k", "v"), Set.class));
        assertNull(ClaimTypes.convert("text", JsonNumber.class));
        assertEquals(Optional.empty(), ClaimTypes.convert(42L, type(new TypeLiteral<Optional<String>>() { })));
    }

    @Test
    void whenNumberNotAWholeLongThenAbsentRatherThanTruncatedOrWrapped() {
        JsonProvider json = JsonProvider.provider();
        assertNull(ClaimTypes.convert(1.9, Long.class));
        assertNull(ClaimTypes.convert(1e20, long.class));
        assertNull(ClaimTypes.convert(Double.NaN, Long.class));
        assertNull(ClaimTypes.convert(new java.math.BigInteger("100000000000000000000"), Long.class));
        assertNull(ClaimTypes.convert(json.createValue(1.9), Long.class));
        assertNull(ClaimTypes.convert(json.createValue(new java.math.BigDecimal("1e20")), Long.class));
        assertEquals(Optional.empty(), ClaimTypes.convert(1.9, type(new TypeLiteral<Optional<Long>>() { })));
        assertEquals(2L, ClaimTypes.convert(2.0, Long.class));
        assertEquals(Long.MAX_VALUE, ClaimTypes.convert(json.createValue(Long.MAX_VALUE), Long.class));
    }

    @Test
    void whenClaimMissingThenNullOrEmptyOptional() {
        assertNull(ClaimTypes.convert(null, String.class));
        assertNull(ClaimTypes.convert(null, JsonObject.class));
        assertEquals(Optional.empty(), ClaimTypes.convert(null, type(new TypeLiteral<Optional<Long>>() { })));
        assertEquals(Optional.of(5L), ClaimTypes.convert(5L, type(new TypeLiteral<Optional<Long>>() { })));
    }

    @Test
    void whenObjectTargetThenClaimUnchanged() {
        Object claim = List.of("a");
        assertEquals(claim, ClaimTypes.convert(claim, Object.class));
    }
}

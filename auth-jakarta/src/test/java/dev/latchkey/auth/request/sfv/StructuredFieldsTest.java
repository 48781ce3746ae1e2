package dev.latchkey.auth.request.sfv;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 8941's and RFC 9421's examples, the size minimums of RFC 8941 §3, and hostile inputs. */
class StructuredFieldsTest {

    @Test
    void whenRfc9421SignatureInputParsedThenInnerListOfStringsWithParametersInOrder() {
        Dictionary d = StructuredFields.parseDictionary("sig1=(\"@method\" \"@target-uri\" \"content-digest\")"
                + ";created=1618884475;keyid=\"test-key-rsa-pss\"");
        InnerList sig1 = assertInstanceOf(InnerList.class, d.get("sig1").orElseThrow());
        assertEquals(List.of("@method", "@target-uri", "content-digest"),
                sig1.items().stream().map(Item::value).toList());
        assertEquals(List.of("created", "keyid"), List.copyOf(sig1.parameters().keys()));
        assertEquals(1618884475L, sig1.parameters().get("created").orElseThrow());
        assertEquals("(\"@method\" \"@target-uri\" \"content-digest\");created=1618884475;keyid=\"test-key-rsa-pss\"",
                StructuredFields.serialize(sig1));
    }

    @Test
    void whenRfc9421ExampleDictReserializedThenWhitespaceNormalised() {
        // RFC 9421 §2.1.1: "example-dict";sf
        Dictionary d = StructuredFields.parseDictionary("  a=1,    b=2;x=1;y=2,   c=(a   b   c)");
        assertEquals("a=1, b=2;x=1;y=2, c=(a b c)", StructuredFields.serialize(d));
        // RFC 9421 §2.1.2: member values, "d" a bare key (Boolean true)
        Dictionary d2 = StructuredFields.parseDictionary("a=1, b=2;x=1;y=2, c=(a   b    c), d");
        assertEquals("?1", StructuredFields.serialize(d2.get("d").orElseThrow()));
        assertEquals("2;x=1;y=2", StructuredFields.serialize(d2.get("b").orElseThrow()));
    }

    @Test
    void whenSeveralFieldLinesThenCombinedInOrder() {
        assertEquals("1, 2, 3", StructuredFields.serialize(StructuredFields.parseList(List.of("1, 2", "3"))));
        assertEquals(Dictionary.EMPTY.members(), StructuredFields.parseDictionary(List.of()).members());
        assertThrows(StructuredFieldException.class, () -> StructuredFields.parseItem(List.of()));
        assertThrows(StructuredFieldException.class, () -> StructuredFields.parseItem(List.of("1", "2")));
    }

    @Test
    void whenDictionaryKeyRepeatedThenLastValueFirstPositionAndReported() {
        Dictionary d = StructuredFields.parseDictionary(List.of("a=1, b=2", "a=3"));
        assertEquals("a=3, b=2", StructuredFields.serialize(d));
        assertEquals(Set.of("a"), d.repeatedKeys());
        assertTrue(StructuredFields.parseDictionary("a=1, b=2").repeatedKeys().isEmpty());
    }

    @Test
    void whenByteSequenceParsedThenBytesAndCanonicalPadding() {
        Item item = StructuredFields.parseItem(":cHJldGVuZCB0aGlzIGlzIGJpbmFyeSBjb250ZW50Lg==:");
        assertArrayEquals("pretend this is binary content.".getBytes(),
                assertInstanceOf(ByteSequence.class, item.value()).bytes());
        assertEquals(":YWI=:", StructuredFields.serialize(StructuredFields.parseItem(":YWI:")));
    }

    @Test
    void whenDecimalSerializedThenRoundedHalfEvenToThreeDigits() {
        assertEquals("1.002", StructuredFields.serialize(Item.of(new BigDecimal("1.0025"))));
        assertEquals("1.004", StructuredFields.serialize(Item.of(new BigDecimal("1.0035"))));
        assertEquals("5.0", StructuredFields.serialize(Item.of(new BigDecimal("5"))));
        assertThrows(StructuredFieldException.class,
                () -> StructuredFields.serialize(Item.of(new BigDecimal("1234567890123.0"))));
    }

    @Test
    void whenSizeMinimumsOfRfc8941ThenAccepted() {
        // RFC 8941 §3.1, §3.1.2, §3.2: at least 1024 members, 256 inner-list members, 256 parameters, 64-char keys
        String list = String.join(", ", Collections.nCopies(1024, "a"));
        assertEquals(1024, StructuredFields.parseList(list).size());
        String inner = "(" + String.join(" ", Collections.nCopies(256, "1")) + ")";
        assertEquals(256, ((InnerList) StructuredFields.parseList(inner).get(0)).items().size());
        String key = "k".repeat(64);
        assertTrue(StructuredFields.parseDictionary(key + "=1").get(key).isPresent());
        assertEquals(8192, ((String) StructuredFields.parseItem("\"" + "x".repeat(8192) + "\"").value()).length());
    }

    @Test
    void whenHostileInputThenFailsWithoutEchoingIt() {
        for (String hostile : List.of("\"abc", "\"a\\nb\"", "(\"a\" \"b\"", "a=1,", ",a=1", "a=(1 2", ":YWJj",
                ":YW*j:", "?2", "-", "1.", "1.2345", "1234567890123456", "12345678901234.5", "a;=1", "A=1",
                "a=1 b=2", "\"\u00e9\"", "a=\"\u0000\"", "sig1=();keyid=\"x\" garbage", "@1", "\"a\"\t\"b\"")) {
            StructuredFieldException e = assertThrows(StructuredFieldException.class,
                    () -> StructuredFields.parseDictionary(hostile), hostile);
            assertFalse(hostile.length() > 3 && e.getMessage().contains(hostile), "message must not echo the input");
        }
    }

    @Test
    void whenQuoteInjectionAttemptedThenStringEndsAtUnescapedQuote() {
        // RFC 9421 §7.5.5: a parser that does not enforce closing quotes lets an attacker inject components
        Dictionary d = StructuredFields.parseDictionary("sig1=(\"content-type\\\" \\\"@method\")");
        InnerList sig1 = (InnerList) d.get("sig1").orElseThrow();
        assertEquals(List.of("content-type\" \"@method"), sig1.items().stream().map(Item::value).toList());
        assertThrows(StructuredFieldException.class,
                () -> StructuredFields.parseDictionary("sig1=(\"content-type\" \"@method)"));
    }

    @Test
    void whenLongHostileInputThenLinearFailure() {
        String huge = "(" + "a ".repeat(500_000);
        assertThrows(StructuredFieldException.class, () -> StructuredFields.parseList(huge));
    }

    @Test
    void whenModelBuiltWithInvalidKeysOrValuesThenRefused() {
        assertThrows(StructuredFieldException.class, () -> Parameters.of(Map.of("Key", 1L)));
        assertThrows(StructuredFieldException.class, () -> new Token("1abc"));
        assertThrows(StructuredFieldException.class, () -> Item.of(new Object()));
        assertThrows(StructuredFieldException.class, () -> StructuredFields.serialize(Item.of("caf\u00e9")));
        assertThrows(StructuredFieldException.class, () -> StructuredFields.serialize(Item.of(1_000_000_000_000_000L)));
    }

    @Test
    void whenParametersWithTrueValueSerializedThenBareKey() {
        Parameters p = Parameters.EMPTY.with("sf", true).with("key", "a");
        assertEquals(";sf;key=\"a\"", StructuredFields.serializeParameters(p));
        assertEquals(";sf;key=\"b\"", StructuredFields.serializeParameters(p.with("key", "b")));
    }
}

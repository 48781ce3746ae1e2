package dev.latchkey.auth.request.sfv;

import java.util.List;

/**
 * Structured Field Values for HTTP (RFC 8941): the one parser and serializer of that grammar in Latchkey, used for
 * {@code Signature-Input}, {@code Signature}, {@code Accept-Signature} (RFC 9421 §4, §5) and {@code Content-Digest}
 * (RFC 9530 §2).
 *
 * <p>Parsing takes the field lines of one field in the order received and combines them as RFC 8941 §4.2 requires
 * (RFC 9110 §5.3: joined with a comma). Any failure throws {@link StructuredFieldException}; the caller must then
 * ignore or refuse the whole field. No lines at all parse as an empty List or Dictionary (the field is absent), and
 * fail for an Item. Serialization is the strict form of RFC 8941 §4.1.
 *
 * <p>Date and Display String (added by RFC 9651) are not part of RFC 8941 and fail parsing.
 */
public final class StructuredFields {

    private StructuredFields() {
    }

    public static List<Member> parseList(List<String> fieldLines) {
        @SuppressWarnings("unchecked")
        List<Member> list = (List<Member>) Parser.parse(combine(fieldLines), Parser.FieldType.LIST);
        return List.copyOf(list);
    }

    public static Dictionary parseDictionary(List<String> fieldLines) {
        return (Dictionary) Parser.parse(combine(fieldLines), Parser.FieldType.DICTIONARY);
    }

    public static Item parseItem(List<String> fieldLines) {
        if (fieldLines.isEmpty()) {
            throw new StructuredFieldException("no field value");
        }
        return (Item) Parser.parse(combine(fieldLines), Parser.FieldType.ITEM);
    }

    public static List<Member> parseList(String fieldValue) {
        return parseList(List.of(fieldValue));
    }

    public static Dictionary parseDictionary(String fieldValue) {
        return parseDictionary(List.of(fieldValue));
    }

    public static Item parseItem(String fieldValue) {
        return parseItem(List.of(fieldValue));
    }

    /** RFC 8941 §4.1.1: a List; empty for no members (the field is then omitted). */
    public static String serialize(List<? extends Member> list) {
        return Serializer.list(list);
    }

    /** RFC 8941 §4.1.2: a Dictionary; empty for no members (the field is then omitted). */
    public static String serialize(Dictionary dictionary) {
        return Serializer.dictionary(dictionary);
    }

    /** RFC 8941 §4.1.3 (an Item) or §4.1.1.1 (an Inner List), with its parameters. */
    public static String serialize(Member member) {
        StringBuilder out = new StringBuilder();
        Serializer.member(member, out);
        return out.toString();
    }

    /** RFC 8941 §4.1.1.2: parameters alone, each with its leading {@code ;}. */
    public static String serializeParameters(Parameters parameters) {
        StringBuilder out = new StringBuilder();
        Serializer.parameters(parameters, out);
        return out.toString();
    }

    private static String combine(List<String> fieldLines) {
        return String.join(", ", fieldLines);
    }
}

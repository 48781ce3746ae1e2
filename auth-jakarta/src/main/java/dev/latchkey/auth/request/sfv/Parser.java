package dev.latchkey.auth.request.sfv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsing algorithms of RFC 8941 §4.2, one method per section, over one field value (the field lines already
 * combined). Every "fail parsing" of the RFC throws {@link StructuredFieldException} naming the position.
 */
final class Parser {

    private static final int MAX_INTEGER_DIGITS = 15;
    private static final int MAX_DECIMAL_INTEGER_DIGITS = 12;
    private static final int MAX_DECIMAL_DIGITS = 16;
    private static final int MAX_FRACTION_DIGITS = 3;

    private final String input;
    private int pos;

    private Parser(String input) {
        this.input = input;
    }

    /** RFC 8941 §4.2: the top-level algorithm for {@code type}. */
    static Object parse(String fieldValue, FieldType type) {
        for (int i = 0; i < fieldValue.length(); i++) {
            if (fieldValue.charAt(i) > 0x7F) {
                throw new StructuredFieldException("non-ASCII character at " + i);
            }
        }
        Parser p = new Parser(fieldValue);
        p.skipSp();
        Object output = switch (type) {
            case LIST -> p.list();
            case DICTIONARY -> p.dictionary();
            case ITEM -> p.item();
        };
        p.skipSp();
        if (!p.atEnd()) {
            throw p.fail("unexpected character");
        }
        return output;
    }

    /** RFC 8941 §4.2.1. */
    private List<Member> list() {
        List<Member> members = new ArrayList<>();
        while (!atEnd()) {
            members.add(itemOrInnerList());
            skipOws();
            if (atEnd()) {
                return members;
            }
            if (next() != ',') {
                throw fail("expected ','");
            }
            skipOws();
            if (atEnd()) {
                throw fail("trailing ','");
            }
        }
        return members;
    }

    private Member itemOrInnerList() {
        return peek() == '(' ? innerList() : item();
    }

    /** RFC 8941 §4.2.1.2. */
    private InnerList innerList() {
        expect('(');
        List<Item> items = new ArrayList<>();
        while (!atEnd()) {
            skipSp();
            if (!atEnd() && peek() == ')') {
                pos++;
                return new InnerList(items, parameters());
            }
            items.add(item());
            if (atEnd() || (peek() != ' ' && peek() != ')')) {
                throw fail("expected ' ' or ')' in inner list");
            }
        }
        throw fail("unterminated inner list");
    }

    /** RFC 8941 §4.2.2. */
    private Dictionary dictionary() {
        Map<String, Member> members = new LinkedHashMap<>();
        Set<String> repeated = new LinkedHashSet<>();
        while (!atEnd()) {
            String key = key();
            Member member;
            if (!atEnd() && peek() == '=') {
                pos++;
                member = itemOrInnerList();
            } else {
                member = new Item(Boolean.TRUE, parameters());
            }
            if (members.put(key, member) != null) {
                repeated.add(key);
            }
            skipOws();
            if (atEnd()) {
                break;
            }
            if (next() != ',') {
                throw fail("expected ','");
            }
            skipOws();
            if (atEnd()) {
                throw fail("trailing ','");
            }
        }
        return new Dictionary(members, repeated);
    }

    /** RFC 8941 §4.2.3. */
    private Item item() {
        Object bare = bareItem();
        return new Item(bare, parameters());
    }

    /** RFC 8941 §4.2.3.1. */
    private Object bareItem() {
        if (atEnd()) {
            throw fail("missing item");
        }
        char c = peek();
        if (c == '-' || Chars.isDigit(c)) {
            return number();
        }
        if (c == '"') {
            return string();
        }
        if (Chars.isAlpha(c) || c == '*') {
            return token();
        }
        if (c == ':') {
            return byteSequence();
        }
        if (c == '?') {
            return bool();
        }
        throw fail("not the start of an item");
    }

    /** RFC 8941 §4.2.3.2. */
    private Parameters parameters() {
        Map<String, Object> params = new LinkedHashMap<>();
        while (!atEnd() && peek() == ';') {
            pos++;
            skipSp();
            String key = key();
            Object value = Boolean.TRUE;
            if (!atEnd() && peek() == '=') {
                pos++;
                value = bareItem();
            }
            params.put(key, value);
        }
        return Parameters.of(params);
    }

    /** RFC 8941 §4.2.3.3. */
    private String key() {
        if (atEnd() || !(Chars.isLcAlpha(peek()) || peek() == '*')) {
            throw fail("expected a key");
        }
        int start = pos;
        while (!atEnd()) {
            char c = peek();
            if (!Chars.isLcAlpha(c) && !Chars.isDigit(c) && c != '_' && c != '-' && c != '.' && c != '*') {
                break;
            }
            pos++;
        }
        return input.substring(start, pos);
    }

    /** RFC 8941 §4.2.4. */
    private Object number() {
        int start = pos;
        boolean negative = peek() == '-';
        if (negative) {
            pos++;
        }
        if (atEnd() || !Chars.isDigit(peek())) {
            throw fail("expected a digit");
        }
        boolean decimal = false;
        int digitsStart = pos;
        while (!atEnd()) {
            char c = peek();
            if (Chars.isDigit(c)) {
                pos++;
            } else if (!decimal && c == '.') {
                if (pos - digitsStart > MAX_DECIMAL_INTEGER_DIGITS) {
                    throw fail("decimal with more than 12 integer digits");
                }
                decimal = true;
                pos++;
            } else {
                break;
            }
            int length = pos - digitsStart;
            if (!decimal && length > MAX_INTEGER_DIGITS) {
                throw fail("integer with more than 15 digits");
            }
            if (decimal && length > MAX_DECIMAL_DIGITS) {
                throw fail("decimal with more than 16 characters");
            }
        }
        String number = input.substring(start, pos);
        if (!decimal) {
            return Long.parseLong(number);
        }
        if (number.endsWith(".")) {
            throw fail("decimal ends with '.'");
        }
        if (number.length() - number.indexOf('.') - 1 > MAX_FRACTION_DIGITS) {
            throw fail("decimal with more than 3 fraction digits");
        }
        return new BigDecimal(number);
    }

    /** RFC 8941 §4.2.5. */
    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (!atEnd()) {
            char c = next();
            if (c == '\\') {
                if (atEnd()) {
                    throw fail("string ends in an escape");
                }
                char escaped = next();
                if (escaped != '"' && escaped != '\\') {
                    throw fail("invalid escape in string");
                }
                out.append(escaped);
            } else if (c == '"') {
                return out.toString();
            } else if (c < 0x20 || c > 0x7E) {
                throw fail("control character in string");
            } else {
                out.append(c);
            }
        }
        throw fail("unterminated string");
    }

    /** RFC 8941 §4.2.6. */
    private Token token() {
        int start = pos;
        pos++;
        while (!atEnd() && (Chars.isTchar(peek()) || peek() == ':' || peek() == '/')) {
            pos++;
        }
        return new Token(input.substring(start, pos));
    }

    /**
     * RFC 8941 §4.2.7. Missing {@code =} padding and non-zero pad bits are accepted, as the RFC recommends (SHOULD
     * NOT fail).
     */
    private ByteSequence byteSequence() {
        expect(':');
        int end = input.indexOf(':', pos);
        if (end < 0) {
            throw fail("unterminated byte sequence");
        }
        String b64 = input.substring(pos, end);
        for (int i = 0; i < b64.length(); i++) {
            if (!Chars.isBase64(b64.charAt(i))) {
                throw new StructuredFieldException("invalid base64 character at " + (pos + i));
            }
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(b64);
            pos = end + 1;
            return ByteSequence.of(bytes);
        } catch (IllegalArgumentException e) {
            throw fail("invalid base64 in byte sequence");
        }
    }

    /** RFC 8941 §4.2.8. */
    private Boolean bool() {
        expect('?');
        if (atEnd()) {
            throw fail("expected 0 or 1");
        }
        char c = next();
        if (c == '1') {
            return Boolean.TRUE;
        }
        if (c == '0') {
            return Boolean.FALSE;
        }
        throw new StructuredFieldException("expected 0 or 1 at " + (pos - 1));
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    private char peek() {
        return input.charAt(pos);
    }

    private char next() {
        return input.charAt(pos++);
    }

    private void expect(char c) {
        if (atEnd() || peek() != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSp() {
        while (!atEnd() && peek() == ' ') {
            pos++;
        }
    }

    /** OWS: spaces and horizontal tabs (RFC 9110 §5.6.3). */
    private void skipOws() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            pos++;
        }
    }

    private StructuredFieldException fail(String what) {
        return new StructuredFieldException(what + " at " + pos);
    }

    /** The three top-level types of RFC 8941 §3. */
    enum FieldType { LIST, DICTIONARY, ITEM }
}

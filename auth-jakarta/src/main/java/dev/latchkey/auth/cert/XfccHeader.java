package dev.latchkey.auth.cert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The strict grammar of Envoy's {@code X-Forwarded-Client-Cert} (Envoy documentation, "HTTP header manipulation",
 * x-forwarded-client-cert: elements separated by {@code ,}, {@code key=value} pairs by {@code ;}, a value holding
 * {@code , ; =} double-quoted with {@code \"} for a quote inside):
 *
 * <pre>
 * header  = element *( "," element )
 * element = pair *( ";" pair )
 * pair    = *( SP / HTAB ) key "=" value
 * key     = 1*tchar
 * value   = *tchar / quoted          ; quoted: right after "=", and right before ";", "," or the end
 * quoted  = DQUOTE *( qchar / "\" vchar ) DQUOTE
 * tchar   = %x21-7E except DQUOTE "," ";" "=" "\"
 * qchar   = HTAB / SP / %x21-7E / %x80-FF except DQUOTE "\"
 * </pre>
 *
 * A quote is only ever the first character of a value or the end of a quoted one, so no stray {@code "} can make a
 * separator the proxy wrote part of a value the client wrote (a client that appends {@code x="} to its own element
 * would otherwise swallow the element a hop appends after it). A backslash escapes the next character inside a quoted
 * value only ({@code \"}, {@code \\}; Envoy's RFC 4514 subjects also carry {@code \,}). A key appears at most once
 * in an element, except {@code URI} and {@code DNS} (one pair per SAN). Anything else is an
 * {@link IllegalArgumentException} whose message holds no part of the header.
 */
final class XfccHeader {

    /** Keys that Envoy repeats, one pair per subject alternative name. */
    private static final Set<String> REPEATABLE = Set.of("uri", "dns");
    /** Keys named in messages (a key the client invented is never echoed). */
    private static final Set<String> KNOWN = Set.of("by", "hash", "cert", "chain", "subject");

    private XfccHeader() {
    }

    /** The elements, left to right, each its pairs by lower-case key (of a repeatable key, the first value). */
    static List<Map<String, String>> parse(String header) {
        List<Map<String, String>> elements = new ArrayList<>();
        Map<String, String> element = new HashMap<>();
        int n = header.length();
        int i = 0;
        while (true) {
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            int keyStart = i;
            while (i < n && isTchar(header.charAt(i))) {
                i++;
            }
            if (i == keyStart || i == n || header.charAt(i) != '=') {
                throw new IllegalArgumentException("malformed XFCC element: expected key=value");
            }
            String key = header.substring(keyStart, i).toLowerCase(Locale.ROOT);
            i++;
            StringBuilder value = new StringBuilder();
            i = i < n && header.charAt(i) == '"' ? quoted(header, i + 1, value) : token(header, i, value);
            if (element.putIfAbsent(key, value.toString()) != null && !REPEATABLE.contains(key)) {
                throw new IllegalArgumentException("duplicate " + (KNOWN.contains(key) ? key : "key")
                        + " in an XFCC element");
            }
            if (i == n) {
                elements.add(element);
                return elements;
            }
            char separator = header.charAt(i++);
            if (separator == ',') {
                elements.add(element);
                element = new HashMap<>();
            } else if (separator != ';') {
                throw new IllegalArgumentException("malformed XFCC value: a quote, space or = inside an unquoted"
                        + " value, or text after a quoted one");
            }
        }
    }

    /** Reads an unquoted value from {@code i}; returns the index after it. */
    private static int token(String header, int i, StringBuilder value) {
        while (i < header.length() && isTchar(header.charAt(i))) {
            value.append(header.charAt(i++));
        }
        return i;
    }

    /** Reads a quoted value whose opening quote is before {@code i}; returns the index after the closing quote. */
    private static int quoted(String header, int i, StringBuilder value) {
        while (i < header.length()) {
            char c = header.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                if (i == header.length()) {
                    break;
                }
                c = header.charAt(i++);
            }
            if (!isQchar(c) && c != '"' && c != '\\') {
                throw new IllegalArgumentException("control character in an XFCC value");
            }
            value.append(c);
        }
        throw new IllegalArgumentException("unterminated quoted XFCC value");
    }

    private static boolean isTchar(char c) {
        return c > 0x20 && c < 0x7F && c != '"' && c != ',' && c != ';' && c != '=' && c != '\\';
    }

    private static boolean isQchar(char c) {
        return (c == '\t' || (c >= 0x20 && c < 0x7F) || (c >= 0x80 && c <= 0xFF)) && c != '"' && c != '\\';
    }
}

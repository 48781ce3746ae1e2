package dev.latchkey.auth.signature;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code application/x-www-form-urlencoded} parsing and "percent-encode after encoding" of the WHATWG URL Standard,
 * as RFC 9421 §2.2.8 uses them for {@code @query-param}: pairs split on {@code &} and the first {@code =}, {@code +}
 * read as a space, percent-escapes decoded as UTF-8 (invalid sequences become U+FFFD); re-encoded with everything but
 * {@code A-Z a-z 0-9 * - . _} percent-encoded in upper-case hex, a space as {@code %20}.
 */
final class FormUrlEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FormUrlEncoding() {
    }

    /** The decoded (name, value) pairs of a query, in order; empty sequences are skipped. */
    static List<Map.Entry<String, String>> parse(String query) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String sequence : query.split("&", -1)) {
            if (sequence.isEmpty()) {
                continue;
            }
            int eq = sequence.indexOf('=');
            String name = eq < 0 ? sequence : sequence.substring(0, eq);
            String value = eq < 0 ? "" : sequence.substring(eq + 1);
            pairs.add(new SimpleImmutableEntry<>(decode(name), decode(value)));
        }
        return pairs;
    }

    static String decode(String s) {
        byte[] bytes = s.replace('+', ' ').getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) << 4 | hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '*' || c == '-'
                    || c == '.' || c == '_') {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}

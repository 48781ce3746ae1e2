package dev.latchkey.auth.apikey.format;

import java.security.SecureRandom;

/** The base62 alphabet ({@code 0-9A-Za-z}) used by API keys: URL-safe, no padding, double-click selectable. */
public final class Base62 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Base62() {
    }

    /** {@code length} characters, each drawn uniformly (log2(62) = 5.954 bits of entropy per character). */
    public static String random(SecureRandom random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(out);
    }

    /** A non-negative number, left-padded with '0' to exactly {@code width} characters. */
    public static String encodeFixed(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative");
        }
        char[] out = new char[width];
        long v = value;
        for (int i = width - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (v % 62));
            v /= 62;
        }
        if (v != 0) {
            throw new IllegalArgumentException("value does not fit in " + width + " base62 characters");
        }
        return new String(out);
    }

    public static boolean isBase62(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}

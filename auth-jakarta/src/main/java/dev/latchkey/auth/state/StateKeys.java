package dev.latchkey.auth.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Keys as a shared store holds them: a key longer than {@link #MAX_LENGTH} characters (a user name can be as long as a
 * request header) is replaced by its SHA-256, so that no request can make a key the store's index refuses.
 */
public final class StateKeys {

    public static final int MAX_LENGTH = 200;

    private StateKeys() {
    }

    public static String bounded(String key) {
        if (key.length() <= MAX_LENGTH) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return key.substring(0, 64) + "#sha256:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}

package dev.latchkey.auth.apikey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * What stores keep instead of a key: SHA-256 of the full key (FIPS 180-4), or HMAC-SHA-256 (RFC 2104) keyed with a
 * server-side pepper ({@code latchkey.api-key.pepper}) so that a leaked store cannot be checked against guesses
 * offline. Keys carry 196 random bits, so a fast hash is sufficient (no password hashing needed). Changing the
 * pepper invalidates every stored key.
 *
 * <p>The HMAC key is set up once: each hash clones an initialised prototype {@link Mac} (no provider look-up or key
 * schedule per request), falling back to a fresh instance where the provider cannot clone.
 */
public final class ApiKeyHasher {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec pepper;
    private final Mac prototype;

    /** @param pepper the HMAC key, or {@code null} for plain SHA-256 */
    public ApiKeyHasher(byte[] pepper) {
        this.pepper = pepper == null ? null : new SecretKeySpec(pepper, HMAC);
        this.prototype = this.pepper == null ? null : newMac(this.pepper);
    }

    /** The hasher for {@code latchkey.api-key.pepper}: HMAC-SHA-256 with it, else SHA-256. */
    public static ApiKeyHasher of(ApiKeySettings settings) {
        return new ApiKeyHasher(settings.pepper().map(p -> p.getBytes(StandardCharsets.UTF_8)).orElse(null));
    }

    /** The lowercase hex hash of the full key. */
    public String hash(String key) {
        byte[] data = key.getBytes(StandardCharsets.UTF_8);
        if (prototype == null) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
        }
        return HexFormat.of().formatHex(mac().doFinal(data));
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac(pepper);
        }
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /** Constant-time comparison of two hex hashes ({@link MessageDigest#isEqual}). */
    public static boolean matches(String expectedHex, String actualHex) {
        if (expectedHex == null || actualHex == null) {
            return false;
        }
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                actualHex.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return pepper == null ? "ApiKeyHasher[SHA-256]" : "ApiKeyHasher[HMAC-SHA-256, pepper=***]";
    }
}

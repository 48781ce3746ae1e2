package dev.latchkey.auth.dpop;

import com.nimbusds.jose.util.Base64URL;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * Server nonces for DPoP proofs (RFC 9449 §8, §9), without state: a nonce is the number of the current period
 * ({@code lifetime} long) and a MAC of it under a secret, so every instance that shares the secret accepts every
 * other's nonces, and no client can predict one (§8: "Nonce values MUST be unpredictable"). A nonce of the current or
 * the previous period is accepted; one of the previous period is answered with the current one in
 * {@code DPoP-Nonce} (§8.2), so that a client moves on before its nonce expires.
 */
public final class DPoPNonces {

    private static final String MAC = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private static final byte[] LABEL = "latchkey dpop nonce v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** What a proof's nonce is worth. */
    public enum Check { CURRENT, PREVIOUS, INVALID }

    private final SecretKeySpec key;
    private final long periodMillis;
    private final Clock clock;

    /**
     * @param secret   at least 32 bytes; {@code null} for a random one (nonces then hold for this instance only)
     * @param lifetime the period length
     */
    public DPoPNonces(byte[] secret, Duration lifetime, Clock clock) {
        byte[] material = secret != null ? secret.clone() : randomSecret();
        this.key = new SecretKeySpec(material, MAC);
        this.periodMillis = lifetime.toMillis();
        this.clock = clock;
        mac(0); // fails at start-up, not on a request, if the JDK lacks HMAC-SHA256
    }

    public static DPoPNonces of(DPoPSettings settings, Clock clock) {
        return new DPoPNonces(settings.nonceSecret().orElse(null), settings.nonceLifetime(), clock);
    }

    /** The nonce to hand out now: base64url of the period number and its MAC (RFC 9449 §8.1 NQCHAR only). */
    public String current() {
        return encode(period());
    }

    public Check check(String nonce) {
        if (nonce == null || nonce.length() > 64) {
            return Check.INVALID;
        }
        byte[] raw;
        try {
            raw = Base64URL.from(nonce).decode();
        } catch (RuntimeException e) {
            return Check.INVALID;
        }
        if (raw.length != Long.BYTES + MAC_BYTES || !Base64URL.encode(raw).toString().equals(nonce)) {
            return Check.INVALID;
        }
        long period = ByteBuffer.wrap(raw, 0, Long.BYTES).getLong();
        if (!MessageDigest.isEqual(mac(period), Arrays.copyOfRange(raw, Long.BYTES, raw.length))) {
            return Check.INVALID;
        }
        long now = period();
        if (period == now) {
            return Check.CURRENT;
        }
        return period == now - 1 ? Check.PREVIOUS : Check.INVALID;
    }

    private long period() {
        return Math.floorDiv(clock.millis(), periodMillis);
    }

    private String encode(long period) {
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES + MAC_BYTES);
        buffer.putLong(period).put(mac(period));
        return Base64URL.encode(buffer.array()).toString();
    }

    private byte[] mac(long period) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            mac.update(LABEL);
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(period).array());
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}

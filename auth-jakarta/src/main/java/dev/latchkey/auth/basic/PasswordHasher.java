package dev.latchkey.auth.basic;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * PBKDF2-HMAC-SHA256 password hashes (RFC 8018 §5.2) with the JDK's {@link SecretKeyFactory}.
 *
 * <p>Encoded form, one line, no secret beyond the hash itself:
 * {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>} — 16-byte random salt, 32-byte derived key. The
 * iterations are stored per hash so that the default can be raised without invalidating existing users.
 *
 * <p>Not final: tests count verifications to prove that unknown users and wrong passwords do the same work.
 */
public class PasswordHasher {

    public static final String ALGORITHM_ID = "pbkdf2-sha256";
    /** OWASP Password Storage Cheat Sheet (2023) minimum for PBKDF2-HMAC-SHA256. */
    public static final int MIN_ITERATIONS = 210_000;
    public static final int DEFAULT_ITERATIONS = 210_000;
    /** Upper bound so that a hostile users file cannot make one login take minutes. */
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Hashes a password with a fresh salt. The caller clears {@code password} afterwards. */
    public String hash(char[] password, int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return ALGORITHM_ID + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches {@code encoded}, compared in constant time ({@link MessageDigest#isEqual}).
     *
     * @throws IllegalArgumentException when {@code encoded} is not a hash of this format (a broken users file)
     */
    public boolean verify(char[] password, String encoded) {
        Parsed p = parse(encoded);
        byte[] actual = derive(password, p.salt, p.iterations, p.hash.length);
        return MessageDigest.isEqual(actual, p.hash);
    }

    /** Checks the format of an encoded hash without deriving anything. */
    public static void checkFormat(String encoded) {
        parse(encoded);
    }

    /**
     * The iteration count of an encoded hash. Hashes below {@link #MIN_ITERATIONS} parse (so that tools can still read
     * and replace them) but {@link UserFileIdentityStore} refuses to load them.
     *
     * @throws IllegalArgumentException when {@code encoded} is not a hash of this format
     */
    public static int iterations(String encoded) {
        return parse(encoded).iterations();
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$", -1);
        if (parts.length != 4 || !ALGORITHM_ID.equals(parts[0])) {
            throw new IllegalArgumentException("not a " + ALGORITHM_ID + " hash");
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length < 8 || hash.length < 16) {
                throw new IllegalArgumentException("hash parameters out of range");
            }
            return new Parsed(iterations, salt, hash);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad iteration count in hash");
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int length) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }
}

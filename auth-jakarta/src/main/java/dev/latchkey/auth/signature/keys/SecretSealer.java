package dev.latchkey.auth.signature.keys;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seals HMAC secrets for the key registry: AES-256-GCM (NIST SP 800-38D) under the key-encryption key
 * {@code latchkey.signature.kek}, a fresh 96-bit IV per seal, the key id as additional authenticated data (a sealed
 * secret copied to another key's record does not open). A sealed value reads {@code v1.<kek id>.<base64url(iv ||
 * ciphertext || tag)>}; the KEK id (the first 8 bytes of SHA-256 over the KEK, base64url) names the KEK that sealed it,
 * so that secrets sealed under a previous KEK ({@code latchkey.signature.kek.previous}) still open after a KEK rotation.
 */
public final class SecretSealer {

    /** AES-256: the KEK is 32 bytes. */
    public static final int KEK_BYTES = 32;
    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String currentId;
    private final Map<String, SecretKey> keks;

    /** @param kek the current KEK; @param previous KEKs that may still open older secrets */
    public SecretSealer(byte[] kek, List<byte[]> previous) {
        Map<String, SecretKey> all = new LinkedHashMap<>();
        this.currentId = add(all, kek);
        previous.forEach(p -> add(all, p));
        this.keks = Map.copyOf(all);
    }

    private static String add(Map<String, SecretKey> keks, byte[] kek) {
        if (kek.length != KEK_BYTES) {
            throw new IllegalArgumentException("a key-encryption key is " + KEK_BYTES + " bytes (AES-256)");
        }
        String id = kekId(kek);
        keks.put(id, new SecretKeySpec(kek.clone(), "AES"));
        return id;
    }

    static String kekId(byte[] kek) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(kek);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(String keyId, byte[] secret) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keks.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(keyId));
            byte[] sealed = cipher.doFinal(secret);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return VERSION + "." + currentId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is a required JDK algorithm", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the value is not sealed by this format, was sealed under a KEK this
     *                                  sealer does not hold, or does not open (tampered, or another key id); the
     *                                  message never holds the value
     */
    public byte[] unseal(String keyId, String sealed) {
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        SecretKey kek = keks.get(parts[1]);
        if (kek == null) {
            throw new IllegalArgumentException("sealed under key-encryption key " + parts[1]
                    + ", which is neither latchkey.signature.kek nor in latchkey.signature.kek.previous");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(parts[2]);
            if (in.length <= IV_BYTES) {
                throw new IllegalArgumentException("not a sealed secret");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(aad(keyId));
            return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed secret of key " + keyId + " does not open", e);
        }
    }

    /** The id of the current KEK, as sealed values name it. */
    public String currentKekId() {
        return currentId;
    }

    private static byte[] aad(String keyId) {
        return ("latchkey-signature-secret:" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}

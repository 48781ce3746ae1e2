package dev.latchkey.auth.signature.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The active hashing algorithms of RFC 9530 §5 ("Hash Algorithms for HTTP Digest Fields" registry). */
public enum DigestAlgorithm {

    SHA_256("sha-256", "SHA-256", 32),
    SHA_512("sha-512", "SHA-512", 64);

    private static final Map<String, DigestAlgorithm> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(DigestAlgorithm::key, Function.identity()));

    private final String key;
    private final String jcaName;
    private final int length;

    DigestAlgorithm(String key, String jcaName, int length) {
        this.key = key;
        this.jcaName = jcaName;
        this.length = length;
    }

    /** The dictionary key in {@code Content-Digest}, e.g. {@code sha-256}. */
    public String key() {
        return key;
    }

    public int length() {
        return length;
    }

    public static Optional<DigestAlgorithm> byKey(String key) {
        return Optional.ofNullable(key).map(BY_KEY::get);
    }

    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is a required JDK algorithm", e);
        }
    }
}

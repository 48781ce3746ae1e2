package dev.latchkey.auth.signature.digest;

import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;

/** Hashes content with every algorithm a {@link ContentDigest} claims, and compares in constant time at the end. */
final class ContentHasher {

    private final ContentDigest expected;
    private final Map<DigestAlgorithm, MessageDigest> digests = new EnumMap<>(DigestAlgorithm.class);

    ContentHasher(ContentDigest expected) {
        this.expected = expected;
        expected.digests().keySet().forEach(a -> digests.put(a, a.newDigest()));
    }

    void update(byte[] bytes, int offset, int length) {
        digests.values().forEach(d -> d.update(bytes, offset, length));
    }

    /** Whether every claimed digest matches the content hashed so far. Ends the hashing. */
    boolean matches() {
        boolean all = true;
        for (Map.Entry<DigestAlgorithm, MessageDigest> e : digests.entrySet()) {
            all &= MessageDigest.isEqual(e.getValue().digest(), expected.digests().get(e.getKey()));
        }
        return all;
    }
}

package dev.latchkey.auth.signature.digest;

import dev.latchkey.auth.request.sfv.ByteSequence;
import dev.latchkey.auth.request.sfv.Dictionary;
import dev.latchkey.auth.request.sfv.Item;
import dev.latchkey.auth.request.sfv.Member;
import dev.latchkey.auth.request.sfv.StructuredFieldException;
import dev.latchkey.auth.request.sfv.StructuredFields;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The digests a request's {@code Content-Digest} field (RFC 9530 §2) claims for its content, for the algorithms this
 * deployment accepts. Digests of other algorithms are ignored (RFC 9530 §2: "A recipient MAY ignore any or all
 * digests"), but at least one accepted digest must be present, and every accepted one present must match.
 */
public final class ContentDigest {

    public static final String FIELD = "content-digest";

    private final Map<DigestAlgorithm, byte[]> digests;

    private ContentDigest(Map<DigestAlgorithm, byte[]> digests) {
        this.digests = digests;
    }

    /**
     * @param lines    the field's lines
     * @param accepted the algorithms this deployment verifies
     * @throws DigestRejected {@code MISSING} without lines, {@code MALFORMED} when not a dictionary, an accepted
     *                        member is not a byte sequence of the algorithm's length, or no accepted algorithm is present
     */
    public static ContentDigest parse(List<String> lines, Set<DigestAlgorithm> accepted) throws DigestRejected {
        if (lines.isEmpty()) {
            throw new DigestRejected(DigestRejected.Reason.MISSING, "Content-Digest is missing");
        }
        Dictionary dictionary;
        try {
            dictionary = StructuredFields.parseDictionary(lines);
        } catch (StructuredFieldException e) {
            throw new DigestRejected(DigestRejected.Reason.MALFORMED, "Content-Digest is not a valid dictionary");
        }
        if (!dictionary.repeatedKeys().isEmpty()) {
            throw new DigestRejected(DigestRejected.Reason.MALFORMED, "Content-Digest repeats an algorithm");
        }
        Map<DigestAlgorithm, byte[]> digests = new EnumMap<>(DigestAlgorithm.class);
        for (Map.Entry<String, Member> e : dictionary.members().entrySet()) {
            DigestAlgorithm algorithm = DigestAlgorithm.byKey(e.getKey()).orElse(null);
            if (algorithm == null || !accepted.contains(algorithm)) {
                continue;
            }
            if (!(e.getValue() instanceof Item item) || !(item.value() instanceof ByteSequence bytes)
                    || bytes.length() != algorithm.length()) {
                throw new DigestRejected(DigestRejected.Reason.MALFORMED,
                        "Content-Digest " + algorithm.key() + " is not a digest of that algorithm");
            }
            digests.put(algorithm, bytes.bytes());
        }
        if (digests.isEmpty()) {
            throw new DigestRejected(DigestRejected.Reason.MALFORMED, "Content-Digest has none of "
                    + accepted.stream().map(DigestAlgorithm::key).sorted().collect(Collectors.joining(", ")));
        }
        return new ContentDigest(Collections.unmodifiableMap(digests));
    }

    /** The claimed digests by algorithm (the arrays are this object's: do not change them). */
    Map<DigestAlgorithm, byte[]> digests() {
        return digests;
    }

    /** {@code Want-Content-Digest} (RFC 9530 §4) asking for {@code accepted}, strongest first. */
    public static String want(Set<DigestAlgorithm> accepted) {
        StringBuilder out = new StringBuilder();
        for (int i = DigestAlgorithm.values().length - 1; i >= 0; i--) {
            DigestAlgorithm a = DigestAlgorithm.values()[i];
            if (accepted.contains(a)) {
                out.append(out.isEmpty() ? "" : ", ").append(a.key()).append('=').append(i + 1);
            }
        }
        return out.toString();
    }
}

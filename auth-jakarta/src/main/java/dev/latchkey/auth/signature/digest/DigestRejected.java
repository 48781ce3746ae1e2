package dev.latchkey.auth.signature.digest;

/**
 * The request's content cannot be accepted against its {@code Content-Digest} (RFC 9530 §2). Every reason is the
 * caller's fault; the message names the reason, never digest values or content.
 */
public class DigestRejected extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** No {@code Content-Digest} field although one is required: 401 (the signature must cover it). */
        MISSING,
        /** Not a dictionary of byte sequences, or no accepted algorithm in it: 400. */
        MALFORMED,
        /** The content does not hash to the digest: 400. */
        MISMATCH,
        /** More content than may be held before the resource runs: 413. */
        TOO_LARGE
    }

    private final Reason reason;

    public DigestRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

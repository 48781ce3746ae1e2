package dev.latchkey.auth.signature.digest;

import java.io.IOException;

/**
 * Thrown by the last read of a streamed body (mode {@code latchkey.signature.digest.streaming=true}) whose content does
 * not match its {@code Content-Digest}, and by every read after it. The application has seen the body's earlier bytes
 * and must discard what it made of them.
 */
public class ContentDigestMismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    public ContentDigestMismatchException() {
        super("request content does not match its Content-Digest");
    }
}

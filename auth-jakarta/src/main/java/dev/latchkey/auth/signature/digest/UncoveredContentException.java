package dev.latchkey.auth.signature.digest;

import java.io.IOException;

/**
 * Thrown by the first read of content that the request's signature does not cover (no signed {@code Content-Digest},
 * RFC 9421 §7.2.8): content that arrived without a declared length or transfer coding (HTTP/2, HTTP/3) and could
 * otherwise be added under a signature made for a request without content.
 */
public class UncoveredContentException extends IOException {

    private static final long serialVersionUID = 1L;

    public UncoveredContentException() {
        super("request content is not covered by its signature (no signed Content-Digest)");
    }
}

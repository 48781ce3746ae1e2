package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.KeySourceException;

/**
 * No key of the issuer matches the token's header ({@code kid}, {@code alg}, key type and use), although the key
 * source answered: the caller's fault, reported as 401 "unknown key" (RFC 6750 §3.1), unlike any other
 * {@link KeySourceException}, which means the keys could not be obtained (503).
 */
public final class UnknownKeyException extends KeySourceException {

    private static final long serialVersionUID = 1L;

    public UnknownKeyException() {
        super("no key of the issuer matches the token header");
    }
}

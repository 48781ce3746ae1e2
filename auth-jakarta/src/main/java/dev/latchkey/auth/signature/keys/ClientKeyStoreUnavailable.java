package dev.latchkey.auth.signature.keys;

/**
 * The key registry's backend cannot be reached or read. Our failure, not the caller's: it becomes a 503 and never an
 * authentication. The message never contains key material.
 */
public class ClientKeyStoreUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClientKeyStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

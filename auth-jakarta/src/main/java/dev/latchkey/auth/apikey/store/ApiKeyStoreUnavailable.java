package dev.latchkey.auth.apikey.store;

/**
 * The key store's backend cannot be reached or read (database down, file unreadable or corrupt). Our failure, not the
 * caller's: it becomes a 503 and never an authentication. The message never contains a key or a hash.
 */
public class ApiKeyStoreUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ApiKeyStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public ApiKeyStoreUnavailable(String message) {
        super(message);
    }
}

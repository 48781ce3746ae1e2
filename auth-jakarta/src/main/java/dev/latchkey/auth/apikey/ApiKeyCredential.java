package dev.latchkey.auth.apikey;

import jakarta.security.enterprise.credential.Credential;

/**
 * An API key presented by a request, validated by {@link ApiKeyIdentityStore} (or an application's identity store)
 * through the {@code IdentityStoreHandler}. {@link #toString()} never shows the key.
 */
public final class ApiKeyCredential implements Credential {

    private volatile String key;
    private final String source;

    public ApiKeyCredential(String key, String source) {
        this.key = key;
        this.source = source;
    }

    /** The presented key (a secret). */
    public String key() {
        return key;
    }

    /** Where it came from, e.g. {@code header:X-API-Key}. */
    public String source() {
        return source;
    }

    @Override
    public boolean isCleared() {
        return key == null;
    }

    @Override
    public void clear() {
        key = null;
    }

    @Override
    public String toString() {
        return "ApiKeyCredential[source=" + source + "]";
    }
}

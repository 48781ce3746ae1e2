package dev.latchkey.auth.apikey;

import dev.latchkey.auth.apikey.format.ParsedApiKey;
import dev.latchkey.auth.spi.ClearableCredential;

/**
 * An API key presented by a request, already parsed and checksummed by its resolver (once per request), validated
 * by {@link ApiKeyIdentityStore} (or an application's identity store) through the {@code IdentityStoreHandler}.
 * {@link #toString()} never shows the key.
 */
public final class ApiKeyCredential extends ClearableCredential<ParsedApiKey> {

    private final String keyId;
    private final String source;

    public ApiKeyCredential(ParsedApiKey key, String source) {
        super(key);
        this.keyId = key.keyId();
        this.source = source;
    }

    /** The presented key (a secret), or {@code null} once {@link #clear() cleared}. */
    public String key() {
        ParsedApiKey k = secret();
        return k == null ? null : k.value();
    }

    /** The parsed key (its value is a secret), or {@code null} once {@link #clear() cleared}. */
    public ParsedApiKey parsedKey() {
        return secret();
    }

    /** The public key id, safe to log. */
    public String keyId() {
        return keyId;
    }

    /** Where it came from, e.g. {@code header:X-API-Key}. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "ApiKeyCredential[keyId=" + keyId + ", source=" + source + "]";
    }
}

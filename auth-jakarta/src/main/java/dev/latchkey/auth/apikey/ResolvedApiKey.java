package dev.latchkey.auth.apikey;

/**
 * A key found in a request, unvalidated. {@link #toString()} omits the key.
 *
 * @param key    the presented value (a secret)
 * @param source where it was found: {@code header:X-API-Key}, {@code header:Authorization}
 */
public record ResolvedApiKey(String key, String source) {

    @Override
    public String toString() {
        return "ResolvedApiKey[source=" + source + "]";
    }
}

package dev.latchkey.auth.apikey.format;

/**
 * A syntactically valid API key (checksum verified), split into its parts. Not yet known to be issued.
 *
 * @param value       the full key: a secret, never logged; {@link #toString()} omits it
 * @param prefix      the environment prefix, e.g. {@code sk_live_}
 * @param environment the environment the prefix maps to, e.g. {@code live}
 * @param keyId       the public key id (safe to log)
 */
public record ParsedApiKey(String value, String prefix, String environment, String keyId) {

    @Override
    public String toString() {
        return "ParsedApiKey[prefix=" + prefix + ", environment=" + environment + ", keyId=" + keyId + "]";
    }
}

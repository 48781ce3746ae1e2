package dev.latchkey.auth.apikey;

import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.apikey.store.ApiKeyRecord;
import dev.latchkey.auth.apikey.format.ApiKeyFormat;
import dev.latchkey.auth.apikey.format.ParsedApiKey;
import dev.latchkey.auth.apikey.store.ApiKeyStore;
import dev.latchkey.auth.apikey.store.ApiKeyStoreUnavailable;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;

import java.time.Clock;
import java.util.Optional;

/**
 * Checks a presented key, cheapest test first: format and checksum, then environment (both before any store
 * lookup), then the hashed lookup with a constant-time comparison, then revocation, expiry and rotation grace.
 *
 * <p>Errors follow RFC 6750 §3.1 ({@code invalid_token}, 401). An unknown key yields {@link Optional#empty()} (the
 * caller answers "invalid API key") so that responses never reveal whether a key id exists; the detailed reasons
 * (revoked, expired) are only given to a caller who holds the complete, correct key. A store outage is a 503.
 */
public record ApiKeyValidator(ApiKeyFormat format, ApiKeyHasher hasher, ApiKeyStore store, String environment,
                              Clock clock) {

    static final String SCHEME = AuthScheme.BEARER;


    /**
     * @return the record of a valid, active key; empty for a well-formed key that is not issued
     * @throws AuthenticationFailure 401 for malformed, wrong-environment, revoked or expired keys; 503 when the store
     *                               is unavailable
     */
    public Optional<ApiKeyRecord> validate(String presented) {
        return validate(format.parse(presented));
    }

    /**
     * Validates a key {@link ApiKeyFormat#parse parsed} (and checksummed) by the caller.
     *
     * @see #validate(String)
     */
    public Optional<ApiKeyRecord> validate(ParsedApiKey key) {
        if (!key.environment().equals(environment)) {
            throw rejected("API key is for the " + key.environment() + " environment", "api_key_wrong_environment",
                    key.keyId());
        }
        String hash = hasher.hash(key.value());
        Optional<ApiKeyRecord> found;
        try {
            found = store.findByHash(hash);
        } catch (ApiKeyStoreUnavailable e) {
            throw new AuthenticationFailure(AuthError.unavailable("API key store unavailable", "api_key_store_unavailable")
                    .withCredentialId(key.keyId()), e);
        }
        if (found.isEmpty() || !ApiKeyHasher.matches(found.get().hash(), hash)
                || !found.get().keyId().equals(key.keyId())) {
            return Optional.empty();
        }
        ApiKeyRecord record = found.get();
        if (!record.environment().equals(environment)) {
            throw rejected("API key is for the " + record.environment() + " environment", "api_key_wrong_environment",
                    record.keyId());
        }
        switch (record.status(clock.instant())) {
            case REVOKED -> throw rejected("API key revoked", "api_key_revoked", record.keyId());
            case EXPIRED -> throw rejected("API key expired", "api_key_expired", record.keyId());
            case ROTATED_OUT -> throw rejected("API key expired", "api_key_rotated", record.keyId());
            case ACTIVE -> {
                return Optional.of(record);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static AuthenticationFailure rejected(String description, String reason, String keyId) {
        return new AuthenticationFailure(AuthError.invalidToken(SCHEME, description, reason).withCredentialId(keyId));
    }
}

package dev.latchkey.auth.apikey;

import dev.latchkey.auth.apikey.store.ApiKeyRecord;
import dev.latchkey.auth.apikey.format.ApiKeyFormat;
import dev.latchkey.auth.apikey.format.ApiKeyGenerator;
import dev.latchkey.auth.apikey.format.ParsedApiKey;
import dev.latchkey.auth.apikey.store.ApiKeyStore;
import dev.latchkey.auth.keylife.KeyLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Key administration, for admin endpoints and the CLI: create, list, rotate, revoke. Full keys leave this class only
 * inside {@link CreatedApiKey}, once; stores receive hashes. Writes go through the (caching) store, so a revocation
 * takes effect on this node at once and on other nodes within the cache TTL.
 */
public record ApiKeyService(ApiKeyStore store, ApiKeyGenerator generator, ApiKeyHasher hasher, String environment,
                            Clock clock) {

    /**
     * The service for {@code settings} over {@code store}: key format from the prefixes, hasher from the pepper
     * ({@link ApiKeyHasher#of}), keys issued for the configured environment. For use without CDI (e.g. a CLI).
     */
    public static ApiKeyService of(ApiKeySettings settings, ApiKeyStore store, Clock clock) {
        return new ApiKeyService(store, new ApiKeyGenerator(new ApiKeyFormat(settings.prefixes())),
                ApiKeyHasher.of(settings), settings.environment(), clock);
    }

    /** Issues a key in this deployment's environment. */
    public CreatedApiKey create(String name, Set<String> scopes, Instant expires) {
        return create(ApiKeySpec.of(name, scopes, expires));
    }

    public CreatedApiKey create(ApiKeySpec spec) {
        return issue(spec, environment, null);
    }

    private CreatedApiKey issue(ApiKeySpec spec, String env, String rotatedFrom) {
        Instant now = clock.instant();
        if (spec.expires() != null && !spec.expires().isAfter(now)) {
            throw new IllegalArgumentException("expiry must be in the future");
        }
        ParsedApiKey key = generator.generate(env);
        ApiKeyRecord record = new ApiKeyRecord(key.keyId(), hasher.hash(key.value()), env, spec.name(), spec.scopes(),
                spec.groups(), now, spec.expires(), null, rotatedFrom, null, null, null, spec.rateLimit());
        store.insert(record);
        return new CreatedApiKey(key.value(), record);
    }

    /** Metadata of every key (records print no hashes). */
    public List<ApiKeyRecord> list() {
        return store.list();
    }

    public Optional<ApiKeyRecord> find(String keyId) {
        return store.findById(keyId);
    }

    /**
     * Issues a replacement with the same name, scopes, groups, expiry and rate limit. Both keys work until
     * {@code grace} has passed; then the old key is answered with 401 "API key expired".
     *
     * @throws NoSuchElementException when the key does not exist
     * @throws IllegalStateException  when it is revoked, expired or already rotated
     */
    public CreatedApiKey rotate(String keyId, Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative");
        }
        ApiKeyRecord old = require(keyId);
        Instant now = clock.instant();
        if (old.status(now) != KeyLifecycle.Status.ACTIVE || old.replacedBy() != null) {
            throw new IllegalStateException("API key " + keyId + " is not active (" + old.status(now)
                    + (old.replacedBy() != null ? ", replaced by " + old.replacedBy() : "") + ")");
        }
        CreatedApiKey replacement = issue(new ApiKeySpec(old.name(), old.scopes(), old.groups(), old.expires(),
                old.rateLimit()), old.environment(), old.keyId());
        if (!store.markReplaced(keyId, replacement.keyId(), now.plus(grace))) {
            // Revoked or rotated by someone else since the check above: the replacement must not outlive that.
            store.revoke(replacement.keyId(), now);
            throw new IllegalStateException("API key " + keyId + " was revoked or rotated concurrently");
        }
        return replacement;
    }

    /**
     * Revokes at once (on this node immediately; on the others within a second when the store under this service
     * publishes its writes, {@link dev.latchkey.auth.apikey.store.PublishingApiKeyStore}, else within their cache
     * TTL). Idempotent: an earlier revocation
     * instant stands. Only the revocation instant is written, so a racing rotation or last-use flush cannot undo it.
     */
    public ApiKeyRecord revoke(String keyId) {
        return store.revoke(keyId, clock.instant()).orElseThrow(() -> new NoSuchElementException("no API key " + keyId));
    }

    private ApiKeyRecord require(String keyId) {
        return store.findById(keyId).orElseThrow(() -> new NoSuchElementException("no API key " + keyId));
    }
}

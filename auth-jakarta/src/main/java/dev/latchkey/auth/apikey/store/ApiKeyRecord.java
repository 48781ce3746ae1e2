package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.keylife.KeyLifecycle;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One issued API key as stores keep it: its public id and the hash of the full key, never the key itself.
 *
 * @param keyId       public key id (the part of the key after the prefix), unique
 * @param hash        {@code ApiKeyHasher} hash of the full key (hex), unique; never printed
 * @param environment {@code live} or {@code test} (any configured environment)
 * @param name        the owner or purpose; becomes the caller name
 * @param scopes      scopes granted to the key
 * @param groups      groups (roles) granted to the key
 * @param created     when it was issued
 * @param expires     when it stops working, or {@code null} for never
 * @param revoked     when it was revoked, or {@code null}
 * @param rotatedFrom the key id this key replaced, or {@code null}
 * @param replacedBy  the key id that replaced this key, or {@code null}
 * @param graceUntil  after a rotation: the end of the period in which this (old) key still works, or {@code null}
 * @param lastUsed    last successful use (written behind, approximate), or {@code null}
 * @param rateLimit   a per-key quota overriding the default, or {@code null}
 */
public record ApiKeyRecord(String keyId, String hash, String environment, String name, Set<String> scopes,
                           Set<String> groups, Instant created, Instant expires, Instant revoked, String rotatedFrom,
                           String replacedBy, Instant graceUntil, Instant lastUsed, RateLimit rateLimit)
        implements KeyLifecycle<ApiKeyRecord> {

    public ApiKeyRecord {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(created, "created");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("API key name must not be blank");
        }
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public Optional<RateLimit> rateLimitOverride() {
        return Optional.ofNullable(rateLimit);
    }

    public ApiKeyRecord withRevoked(Instant when) {
        return new ApiKeyRecord(keyId, hash, environment, name, scopes, groups, created, expires, when, rotatedFrom,
                replacedBy, graceUntil, lastUsed, rateLimit);
    }

    public ApiKeyRecord withReplacement(String newKeyId, Instant until) {
        return new ApiKeyRecord(keyId, hash, environment, name, scopes, groups, created, expires, revoked, rotatedFrom,
                newKeyId, until, lastUsed, rateLimit);
    }

    public ApiKeyRecord withLastUsed(Instant when) {
        return new ApiKeyRecord(keyId, hash, environment, name, scopes, groups, created, expires, revoked, rotatedFrom,
                replacedBy, graceUntil, when, rateLimit);
    }

    /** Metadata only: never the hash. */
    @Override
    public String toString() {
        return "ApiKeyRecord[keyId=" + keyId + ", environment=" + environment + ", name=" + name + ", scopes=" + scopes
                + ", groups=" + groups + ", created=" + created + ", expires=" + expires + ", revoked=" + revoked
                + ", rotatedFrom=" + rotatedFrom + ", replacedBy=" + replacedBy + ", graceUntil=" + graceUntil
                + ", lastUsed=" + lastUsed + ", rateLimit=" + rateLimit + "]";
    }
}

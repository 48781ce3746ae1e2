package dev.latchkey.auth.signature.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.latchkey.auth.clock.ClockTicker;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The verifier's view of the registry: {@code keyid} to a {@link ResolvedKey}, with the key parsed (public JWK) or
 * unsealed (HMAC) once and cached, so that a hot key costs neither a store query nor key decoding per request. Found
 * keys are cached for {@code latchkey.signature.cache.ttl}, unknown ones for {@code cache.negative-ttl} (so a flood of
 * guessed key ids cannot evict real keys or hammer the store); a store failure is never cached. Changes made through
 * {@link ClientKeyService} on this node invalidate at once ({@link #invalidate}); elsewhere within the TTL.
 */
public final class SignatureKeys {

    private final ClientKeyStore store;
    private final SecretSealer sealer;
    private final Cache<String, ResolvedKey> found;
    private final Cache<String, Boolean> notFound;

    /** @param sealer opens HMAC secrets; null when no KEK is configured (HMAC keys then cannot be used) */
    public SignatureKeys(ClientKeyStore store, SecretSealer sealer, Duration ttl, Duration negativeTtl, long maxSize,
                         Clock clock) {
        this.store = store;
        this.sealer = sealer;
        this.found = Caffeine.newBuilder().maximumSize(maxSize).ticker(ClockTicker.of(clock)).expireAfterWrite(ttl)
                .build();
        this.notFound = Caffeine.newBuilder().maximumSize(maxSize).ticker(ClockTicker.of(clock))
                .expireAfterWrite(negativeTtl).build();
    }

    /**
     * @throws ClientKeyStoreUnavailable when the store fails
     * @throws IllegalStateException     when a stored key cannot be used (a secret sealed under an unknown KEK, no KEK
     *                                   configured, a corrupt record): our failure, not the caller's
     */
    public Optional<ResolvedKey> resolve(String keyId) {
        if (notFound.getIfPresent(keyId) != null) {
            return Optional.empty();
        }
        ResolvedKey key = found.get(keyId, id -> store.findById(id).map(this::resolve).orElse(null));
        if (key == null) {
            notFound.put(keyId, Boolean.TRUE);
        }
        return Optional.ofNullable(key);
    }

    private ResolvedKey resolve(ClientKeyRecord record) {
        try {
            Key key;
            if (record.algorithm().symmetric()) {
                if (sealer == null) {
                    throw new IllegalStateException("HMAC key " + record.keyId()
                            + " cannot be used: latchkey.signature.kek is not set");
                }
                key = SignatureAlgorithm.hmacKey(sealer.unseal(record.keyId(), record.sealedSecret()));
            } else {
                key = PublicKeys.toPublicKey(record.publicJwk());
            }
            if (!record.algorithm().suits(key)) {
                throw new IllegalStateException("key " + record.keyId() + " does not suit " + record.algorithm());
            }
            return new ResolvedKey(record, key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("key " + record.keyId() + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** Drops what is cached for {@code keyId} (after a write through the service). */
    public void invalidate(String keyId) {
        found.invalidate(keyId);
        notFound.invalidate(keyId);
    }
}

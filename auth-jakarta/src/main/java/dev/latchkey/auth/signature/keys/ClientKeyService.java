package dev.latchkey.auth.signature.keys;

import com.nimbusds.jose.jwk.JWK;
import dev.latchkey.auth.apikey.format.Base62;
import dev.latchkey.auth.keylife.KeyLifecycle;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Key administration, for admin endpoints and the CLI: register a client's public key, create an HMAC secret, rotate,
 * revoke, list. Public keys are bound to their algorithm on registration ({@link SignatureAlgorithm#forPublicKey});
 * an HMAC secret (32 random bytes) leaves this class once, in the {@link IssuedKey}, and is stored sealed. Key ids are
 * {@code ks_} and 22 base62 characters.
 */
public class ClientKeyService {

    static final String KEY_ID_PREFIX = "ks_";
    private static final int KEY_ID_LENGTH = 22;
    private static final int SECRET_BYTES = 32;

    private final ClientKeyStore store;
    private final SecretSealer sealer;
    private final Clock clock;
    private final Consumer<String> changed;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param sealer  seals HMAC secrets; null when no KEK is configured (HMAC keys cannot be created then)
     * @param changed told the key id of every write (e.g. {@link SignatureKeys#invalidate})
     */
    public ClientKeyService(ClientKeyStore store, SecretSealer sealer, Clock clock, Consumer<String> changed) {
        this.store = store;
        this.sealer = sealer;
        this.clock = clock;
        this.changed = changed;
    }

    /**
     * Registers a client's public key (PEM or JWK; Ed25519, P-256 or RSA of 2048 bits or more).
     *
     * @throws IllegalArgumentException for a private key, an unsupported key or a past expiry
     */
    public IssuedKey registerPublicKey(String client, String publicKeyText, Set<String> scopes, Set<String> groups,
                                       Instant expires) {
        return insert(publicRecord(newKeyId(), client, publicKeyText, scopes, groups, expires, null));
    }

    /** Creates an HMAC secret. @throws IllegalStateException when no key-encryption key is configured */
    public IssuedKey createHmacKey(String client, Set<String> scopes, Set<String> groups, Instant expires) {
        return issueHmac(client, scopes, groups, expires, null);
    }

    private IssuedKey issueHmac(String client, Set<String> scopes, Set<String> groups, Instant expires,
                                String rotatedFrom) {
        String keyId = newKeyId();
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        ClientKeyRecord record = new ClientKeyRecord(keyId, client, SignatureAlgorithm.HMAC_SHA256, null,
                requireSealer().seal(keyId, secret), scopes, groups, now(expires), expires, null, rotatedFrom, null,
                null);
        IssuedKey issued = insert(record);
        return new IssuedKey(issued.record(), Optional.of(Base64.getEncoder().encodeToString(secret)));
    }

    /**
     * Replaces a key: an HMAC key by a new secret, a public key by {@code newPublicKeyText} (required then), with the
     * same client, scopes, groups and expiry. Both work until {@code grace} has passed.
     *
     * @throws NoSuchElementException   when the key does not exist
     * @throws IllegalStateException    when it is revoked, expired or already rotated
     * @throws IllegalArgumentException when a public key is rotated without a new public key
     */
    public IssuedKey rotate(String keyId, Duration grace, String newPublicKeyText) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative");
        }
        ClientKeyRecord old = store.findById(keyId).orElseThrow(() -> new NoSuchElementException("no signature key "
                + keyId));
        Instant now = clock.instant();
        if (old.status(now) != KeyLifecycle.Status.ACTIVE || old.replacedBy() != null) {
            throw new IllegalStateException("signature key " + keyId + " is not active (" + old.status(now)
                    + (old.replacedBy() != null ? ", replaced by " + old.replacedBy() : "") + ")");
        }
        IssuedKey replacement;
        if (old.algorithm().symmetric()) {
            replacement = issueHmac(old.client(), old.scopes(), old.groups(), old.expires(), keyId);
        } else {
            if (newPublicKeyText == null || newPublicKeyText.isBlank()) {
                throw new IllegalArgumentException("rotating a public key needs the new public key");
            }
            replacement = insert(publicRecord(newKeyId(), old.client(), newPublicKeyText, old.scopes(), old.groups(),
                    old.expires(), keyId));
        }
        if (!store.markReplaced(keyId, replacement.keyId(), now.plus(grace))) {
            store.revoke(replacement.keyId(), now);
            changed.accept(replacement.keyId());
            throw new IllegalStateException("signature key " + keyId + " was revoked or rotated concurrently");
        }
        changed.accept(keyId);
        return replacement;
    }

    /** Revokes at once on this node (elsewhere within the cache TTL). Idempotent. */
    public ClientKeyRecord revoke(String keyId) {
        ClientKeyRecord revoked = store.revoke(keyId, clock.instant())
                .orElseThrow(() -> new NoSuchElementException("no signature key " + keyId));
        changed.accept(keyId);
        return revoked;
    }

    public List<ClientKeyRecord> list() {
        return store.list();
    }

    public Optional<ClientKeyRecord> find(String keyId) {
        return store.findById(keyId);
    }

    private ClientKeyRecord publicRecord(String keyId, String client, String text, Set<String> scopes,
                                         Set<String> groups, Instant expires, String rotatedFrom) {
        JWK jwk = PublicKeys.parse(text);
        SignatureAlgorithm algorithm = SignatureAlgorithm.forPublicKey(PublicKeys.toPublicKey(jwk));
        return new ClientKeyRecord(keyId, client, algorithm, jwk.toJSONString(), null, scopes, groups, now(expires),
                expires, null, rotatedFrom, null, null);
    }

    private IssuedKey insert(ClientKeyRecord record) {
        store.insert(record);
        changed.accept(record.keyId());
        return new IssuedKey(record, Optional.empty());
    }

    private Instant now(Instant expires) {
        Instant now = clock.instant();
        if (expires != null && !expires.isAfter(now)) {
            throw new IllegalArgumentException("expiry must be in the future");
        }
        return now;
    }

    private SecretSealer requireSealer() {
        if (sealer == null) {
            throw new IllegalStateException("HMAC keys need a key-encryption key: set latchkey.signature.kek");
        }
        return sealer;
    }

    private String newKeyId() {
        return KEY_ID_PREFIX + Base62.random(random, KEY_ID_LENGTH);
    }
}

package dev.latchkey.auth.signature.keys;


import dev.latchkey.auth.keylife.KeyLifecycle;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One signing key of a client, as the registry keeps it. A public key is kept as a public JWK (nothing secret); an
 * HMAC secret is kept sealed under the key-encryption key ({@link SecretSealer}), because a verifier needs the secret
 * itself and cannot keep a hash of it. The algorithm is fixed when the key is registered.
 *
 * @param keyId        the {@code keyid} clients put in their signatures, unique
 * @param client       the client (becomes the caller name)
 * @param algorithm    the one algorithm this key verifies
 * @param publicJwk    the public key as a JWK (JSON), for asymmetric algorithms; null for HMAC
 * @param sealedSecret the sealed HMAC secret, for {@code hmac-sha256}; null otherwise; never printed
 * @param scopes       scopes granted to the client through this key
 * @param groups       groups (roles) granted
 * @param created      when it was registered
 * @param expires      when it stops working, or null
 * @param revoked      when it was revoked, or null
 * @param rotatedFrom  the key id this key replaced, or null
 * @param replacedBy   the key id that replaced this key, or null
 * @param graceUntil   after a rotation: until when this (old) key still works, or null
 */
public record ClientKeyRecord(String keyId, String client, SignatureAlgorithm algorithm, String publicJwk,
                              String sealedSecret, Set<String> scopes, Set<String> groups, Instant created,
                              Instant expires, Instant revoked, String rotatedFrom, String replacedBy,
                              Instant graceUntil) implements KeyLifecycle<ClientKeyRecord> {

    public ClientKeyRecord {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(created, "created");
        if (client == null || client.isBlank()) {
            throw new IllegalArgumentException("client must not be blank");
        }
        if (algorithm.symmetric() != (sealedSecret != null) || (publicJwk != null) == (sealedSecret != null)) {
            throw new IllegalArgumentException(algorithm.symmetric()
                    ? "an HMAC key holds a sealed secret and no public key" : "a public key holds no secret");
        }
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public ClientKeyRecord withRevoked(Instant when) {
        return new ClientKeyRecord(keyId, client, algorithm, publicJwk, sealedSecret, scopes, groups, created, expires,
                when, rotatedFrom, replacedBy, graceUntil);
    }

    public ClientKeyRecord withReplacement(String newKeyId, Instant until) {
        return new ClientKeyRecord(keyId, client, algorithm, publicJwk, sealedSecret, scopes, groups, created, expires,
                revoked, rotatedFrom, newKeyId, until);
    }

    /** Metadata only: never the sealed secret. */
    @Override
    public String toString() {
        return "ClientKeyRecord[keyId=" + keyId + ", client=" + client + ", algorithm=" + algorithm + ", scopes="
                + scopes + ", groups=" + groups + ", created=" + created + ", expires=" + expires + ", revoked="
                + revoked + ", rotatedFrom=" + rotatedFrom + ", replacedBy=" + replacedBy + ", graceUntil="
                + graceUntil + "]";
    }
}

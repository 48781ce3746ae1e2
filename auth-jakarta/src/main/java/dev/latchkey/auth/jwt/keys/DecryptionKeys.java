package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.jwt.config.DecryptionSettings;
import dev.latchkey.auth.jwt.config.JwksSettings;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The private RSA key(s) that decrypt JWE tokens ({@code mp.jwt.decrypt.key.location}), in the formats MicroProfile
 * JWT 2.1 lists ({@link KeyMaterialParser#parsePrivate}). Read like verification keys ({@link KeyLocation}: local
 * locations at start-up when present, else at first use; {@code https:} through {@link RemoteKeySources}). Private
 * keys never travel over plain {@code http:} except on the loopback interface (deployment fails). A key is refused
 * ({@link KeyPolicy}) when it is not a private RSA key of at least the minimum size (RFC 7518 §4.3), has {@code use}
 * other than {@code enc}, {@code key_ops} without {@code decrypt}/{@code unwrapKey} (RFC 7517 §4.2, §4.3), an
 * {@code alg} outside the allowed set, or a duplicated {@code kid}. Messages never contain key material.
 */
public final class DecryptionKeys {

    private DecryptionKeys() {
    }

    /** @throws ConfigurationException naming {@code mp.jwt.decrypt.key.location} when the keys cannot be used */
    public static JWKSource<SecurityContext> build(DecryptionSettings settings, int minRsaBits, JwksSettings jwks,
                                                   Clock clock) {
        KeyLocation location = KeyLocation.of(DecryptionSettings.LOCATION, settings.keyLocation().orElseThrow());
        Set<JWEAlgorithm> algorithms = settings.algorithms();
        KeyPolicy policy = KeyPolicy.of(key -> problem(key, algorithms, minRsaBits));
        if (!location.remote()) {
            return LocalKeySource.of(location, text -> nonEmpty(policy.requireUsable(
                    KeyMaterialParser.parsePrivate(text), DecryptionSettings.LOCATION)), clock,
                    jwks.minRefetchInterval());
        }
        if (RemoteKeySources.plainHttpBeyondLoopback(location.url())) {
            throw new ConfigurationException(DecryptionSettings.LOCATION, "private keys must not be fetched over"
                    + " plain http: from another host; use https:");
        }
        return RemoteKeySources.build(location, "decryption", jwks, clock, KeyMaterialParser::parsePrivate,
                policy::filter);
    }

    private static JWKSet nonEmpty(JWKSet set) {
        if (set.isEmpty()) {
            throw new IllegalArgumentException("no key");
        }
        return set;
    }

    private static Optional<String> problem(JWK key, Set<JWEAlgorithm> algorithms, int minRsaBits) {
        if (!KeyType.RSA.equals(key.getKeyType()) || !key.isPrivate()) {
            return Optional.of("a decryption key must be a private RSA key");
        }
        if (key.getKeyUse() != null && !KeyUse.ENCRYPTION.equals(key.getKeyUse())) {
            return Optional.of("use is not 'enc'");
        }
        if (key.getKeyOperations() != null && !key.getKeyOperations().contains(KeyOperation.DECRYPT)
                && !key.getKeyOperations().contains(KeyOperation.UNWRAP_KEY)) {
            return Optional.of("key_ops includes neither 'decrypt' nor 'unwrapKey'");
        }
        if (key.getAlgorithm() != null && algorithms.stream().noneMatch(a -> a.getName()
                .equals(key.getAlgorithm().getName()))) {
            return Optional.of("alg " + key.getAlgorithm().getName() + " is not allowed");
        }
        int bits = ((RSAKey) key).size();
        return bits < minRsaBits ? Optional.of("RSA key of " + bits + " bits is below the minimum of " + minRsaBits)
                : Optional.empty();
    }
}

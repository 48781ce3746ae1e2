package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import dev.latchkey.auth.jwt.keys.Ed25519Keys;
import dev.latchkey.auth.jwt.keys.UnknownKeyException;

import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The selection rule of Nimbus's {@link JWSVerificationKeySelector} (allowed {@code alg}, then
 * {@link JWKMatcher#forJWSHeader}) and Nimbus's {@link DefaultJWSVerifierFactory}, with two changes: a JWK is
 * converted to a JDK key, and a key gets its verifier, once rather than for every token (about 5 µs of a 50 µs RS256
 * validation); and EdDSA, which Nimbus's selector cannot convert: the matching Ed25519 OKP JWKs are verified with
 * Nimbus's (Tink-backed) {@link Ed25519Verifier} (RFC 8037 §3.1).
 */
final class VerificationKeys {

    /** Keys in use at once, across rotations; far above any real key set. */
    private static final int CACHE_SIZE = 1_000;

    private VerificationKeys() {
    }

    /**
     * The keys that may verify a token with this header. Never returns an empty list: no matching key is an
     * {@link UnknownKeyException} (401), any other failure of the key source a {@link KeySourceException} (503),
     * including an unexpected runtime exception, which is the key source's fault, not the caller's.
     */
    static JWSKeySelector<SecurityContext> selector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> source) {
        // A JWK converted to a JDK key once, not per token. Weak identity keys: entries leave with the key set that
        // held them when a refetch replaces it.
        Cache<JWK, Key> converted = Caffeine.newBuilder().weakKeys().maximumSize(CACHE_SIZE).build();
        return (JWSHeader header, SecurityContext context) -> {
            List<? extends Key> keys;
            try {
                keys = JWSAlgorithm.EdDSA.equals(header.getAlgorithm())
                        ? ed25519Keys(algorithms, source, header, context, converted)
                        : javaKeys(algorithms, source, header, context, converted);
            } catch (RuntimeException e) {
                throw new KeySourceException("key selection failed: " + e.getClass().getName(), e);
            }
            if (keys == null || keys.isEmpty()) {
                throw new UnknownKeyException();
            }
            return keys;
        };
    }

    /** Nimbus's {@link JWSVerificationKeySelector} rule (allowed algorithm, then {@link JWKMatcher#forJWSHeader}). */
    private static List<Key> javaKeys(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> source,
                                      JWSHeader header, SecurityContext context, Cache<JWK, Key> converted)
            throws KeySourceException {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        if (!algorithms.contains(header.getAlgorithm()) || matcher == null) {
            return List.of();
        }
        // a private or symmetric JWK never verifies here
        return javaKeys(select(source, matcher, context), converted, PublicKey.class);
    }

    /**
     * The JDK keys of {@code type} of {@code jwks}, in order; a JWK with none is left out. Each JWK is converted once
     * ({@code converted}), not per token.
     */
    static List<Key> javaKeys(List<JWK> jwks, Cache<JWK, Key> converted, Class<? extends Key> type) {
        List<Key> keys = new ArrayList<>();
        for (JWK jwk : jwks) {
            Key key = converted.get(jwk, j -> KeyConverter.toJavaKeys(List.of(j)).stream().filter(type::isInstance)
                    .findFirst().orElse(null));
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static List<Key> ed25519Keys(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> source,
                                         JWSHeader header, SecurityContext context, Cache<JWK, Key> converted)
            throws KeySourceException {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        if (!algorithms.contains(JWSAlgorithm.EdDSA) || matcher == null) {
            return List.of();
        }
        List<Key> keys = new ArrayList<>();
        for (JWK jwk : select(source, matcher, context)) {
            if (jwk instanceof OctetKeyPair okp && !okp.isPrivate()) {
                try {
                    keys.add(converted.get(okp, k -> Ed25519Keys.toPublicKey(okp)));
                } catch (IllegalArgumentException e) {
                    // not Ed25519: skip
                }
            }
        }
        return keys;
    }

    /**
     * The keys {@code matcher} selects; when it names a {@code kid} and no key has it, the keys without {@code kid}
     * (a PEM key has none) that match otherwise: the {@code kid} header is an unauthenticated hint (RFC 7515 §4.1.4),
     * and every configured key is trusted for the issuer. The exact selection comes first so that, for a remote key
     * set, an unknown {@code kid} still makes Nimbus refetch (a rotated key is found) even when the cached set holds a
     * key without {@code kid}.
     *
     * @throws UnknownKeyException when neither selection finds a key and the source says so
     */
    static List<JWK> select(JWKSource<SecurityContext> source, JWKMatcher matcher, SecurityContext context)
            throws KeySourceException {
        List<JWK> exact;
        try {
            exact = source.get(new JWKSelector(matcher), context);
        } catch (UnknownKeyException e) {
            exact = List.of();
        }
        if (!exact.isEmpty() || matcher.getKeyIDs() == null || matcher.getKeyIDs().isEmpty()
                || matcher.getKeyIDs().contains(null)) {
            return exact;
        }
        Set<String> none = new HashSet<>();
        none.add(null);
        return source.get(new JWKSelector(new JWKMatcher.Builder(matcher).keyIDs(none).build()), context);
    }

    /**
     * Nimbus's {@link DefaultJWSVerifierFactory} plus EdDSA, with one verifier per key (Nimbus verifiers are
     * immutable and thread-safe) instead of one per token.
     */
    static JWSVerifierFactory verifierFactory() {
        DefaultJWSVerifierFactory standard = new DefaultJWSVerifierFactory();
        Cache<Key, JWSVerifier> verifiers = Caffeine.newBuilder().weakKeys().maximumSize(CACHE_SIZE).build();
        return new JWSVerifierFactory() {
            @Override
            public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
                JWSVerifier verifier = verifiers.getIfPresent(key);
                if (verifier == null || !verifier.supportedJWSAlgorithms().contains(header.getAlgorithm())) {
                    verifier = create(header, key);
                    verifiers.put(key, verifier);
                }
                return verifier;
            }

            private JWSVerifier create(JWSHeader header, Key key) throws JOSEException {
                if (JWSAlgorithm.EdDSA.equals(header.getAlgorithm()) && key instanceof PublicKey pub
                        && Ed25519Keys.raw(pub).isPresent()) {
                    return new Ed25519Verifier(Ed25519Keys.toJwk(pub));
                }
                return standard.createJWSVerifier(header, key);
            }

            @Override
            public Set<JWSAlgorithm> supportedJWSAlgorithms() {
                return standard.supportedJWSAlgorithms();
            }

            @Override
            public JCAContext getJCAContext() {
                return standard.getJCAContext();
            }
        };
    }
}

package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64;
import dev.latchkey.auth.jwt.config.DecryptionSettings;
import dev.latchkey.auth.jwt.config.JwksSettings;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The private RSA key(s) that decrypt JWE tokens ({@code mp.jwt.decrypt.key.location}), in the formats MicroProfile
 * JWT 2.1 lists: PKCS#8 PEM ({@code PRIVATE KEY}), JWK, JWKS, or Base64URL JWK/JWKS. Read like verification keys
 * ({@link KeyLocation}: local locations at start-up when present, else at first use; http(s) through Nimbus's
 * caching chain). A key is refused when it is not a private RSA key of at least the minimum size (RFC 7518 §4.3),
 * has {@code use} other than {@code enc}, {@code key_ops} without {@code decrypt}/{@code unwrapKey}, an {@code alg}
 * outside the allowed set, or a duplicated {@code kid}. Messages never contain key material.
 */
public final class DecryptionKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private DecryptionKeys() {
    }

    public static JWKSource<SecurityContext> build(DecryptionSettings settings, int minRsaBits, JwksSettings jwks,
                                                   Clock clock) {
        KeyLocation location = KeyLocation.of(DecryptionSettings.LOCATION, settings.keyLocation().orElseThrow());
        Set<JWEAlgorithm> algorithms = settings.algorithms();
        if (!location.remote()) {
            return LocalKeySource.of(location, text -> usable(parse(text), algorithms, minRsaBits));
        }
        var freshness = new CacheControlledJWKSetSource.Freshness(clock, jwks.minCacheTtl(), jwks.cacheTtl(),
                jwks.maxCacheTtl());
        CacheControlRetriever retriever = new CacheControlRetriever(
                Math.toIntExact(jwks.connectTimeout().toMillis()), Math.toIntExact(jwks.readTimeout().toMillis()),
                jwks.sizeLimitBytes());
        var source = new RemoteKeySetSource(location.url(), retriever, DecryptionKeys::parse,
                keys -> filter(keys, algorithms, minRsaBits), "decryption", freshness);
        JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.create(source)
                .cache(jwks.maxCacheTtl().toMillis(), jwks.refreshTimeout().toMillis())
                .rateLimited(jwks.minRefetchInterval().toMillis())
                .retrying(jwks.retry());
        builder = jwks.outageTolerance().isZero() ? builder.outageTolerant(false)
                : builder.outageTolerant(jwks.outageTolerance().toMillis());
        return new OutageAwareJWKSource("decryption", builder, cachedChain -> new JWKSetBasedJWKSource<>(
                new CacheControlledJWKSetSource(cachedChain, freshness, jwks.minRefetchInterval(), "decryption")));
    }

    /** Parses private key text; {@link IllegalArgumentException} names the problem, never the key. */
    public static JWKSet parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("no key material");
        }
        if (t.startsWith("-----BEGIN")) {
            return pem(t);
        }
        if (t.startsWith("{")) {
            return KeyMaterialParser.parseJson(t);
        }
        byte[] decoded = new Base64(t).decode();
        if (decoded.length > 0 && decoded[0] == '{') {
            return KeyMaterialParser.parseJson(new String(decoded, StandardCharsets.UTF_8));
        }
        throw new IllegalArgumentException("not a PKCS#8 PEM private key, JWK or JWKS");
    }

    private static JWKSet pem(String text) {
        Matcher m = PEM.matcher(text);
        List<JWK> keys = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).equals("PRIVATE KEY")) {
                throw new IllegalArgumentException("unsupported PEM type '" + m.group(1) + "': use an unencrypted"
                        + " PKCS#8 'PRIVATE KEY'");
            }
            keys.add(rsa(new Base64(m.group(2)).decode()));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no PEM block found");
        }
        return new JWKSet(keys);
    }

    private static RSAKey rsa(byte[] pkcs8) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            if (!(factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)) instanceof RSAPrivateCrtKey key)) {
                throw new IllegalArgumentException("not an RSA private key with CRT parameters");
            }
            RSAPublicKey pub = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new RSAKey.Builder(pub).privateKey(key).build();
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key");
        }
    }

    static JWKSet usable(JWKSet set, Set<JWEAlgorithm> algorithms, int minRsaBits) {
        KeyPolicy.Result result = filter(set.getKeys(), algorithms, minRsaBits);
        if (!result.refused().isEmpty()) {
            throw new IllegalArgumentException("unusable key(s): " + result.refused().stream()
                    .map(r -> r.kid() + ": " + r.problem()).toList());
        }
        return new JWKSet(result.usable());
    }

    static KeyPolicy.Result filter(List<JWK> keys, Set<JWEAlgorithm> algorithms, int minRsaBits) {
        List<JWK> usable = new ArrayList<>();
        List<KeyPolicy.Refusal> refused = new ArrayList<>();
        Map<String, Integer> kids = new HashMap<>();
        keys.stream().filter(k -> k.getKeyID() != null).forEach(k -> kids.merge(k.getKeyID(), 1, Integer::sum));
        for (JWK key : keys) {
            Optional<String> problem = problem(key, algorithms, minRsaBits);
            if (problem.isEmpty() && key.getKeyID() != null && kids.get(key.getKeyID()) > 1) {
                problem = Optional.of("duplicate kid in the key set");
            }
            problem.ifPresentOrElse(p -> refused.add(new KeyPolicy.Refusal(KeyPolicy.kid(key), p)),
                    () -> usable.add(key));
        }
        if (usable.isEmpty() && refused.isEmpty()) {
            refused.add(new KeyPolicy.Refusal("(none)", "no key"));
        }
        return new KeyPolicy.Result(List.copyOf(usable), List.copyOf(refused));
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

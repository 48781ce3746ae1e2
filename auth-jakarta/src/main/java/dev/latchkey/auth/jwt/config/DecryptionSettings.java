package dev.latchkey.auth.jwt.config;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decryption of encrypted bearer tokens (MicroProfile JWT 2.1, "Encrypted JWT claims and nested tokens"). With a key
 * location every token must be a JWE wrapping a signed JWT ({@code cty: JWT}, RFC 7519 §5.2); without one, a JWE is
 * refused.
 *
 * <p>Only RSA-OAEP key management is offered (RFC 7518 §4.3): {@code RSA1_5} is open to padding-oracle attacks,
 * {@code PBES2} to work-factor abuse, and {@code dir}/AES key wrap/ECDH would need other key material than the one
 * private RSA key the specification configures. Content encryption is AES-GCM only (RFC 7518 §5.3).
 *
 * @param keyLocation        {@code mp.jwt.decrypt.key.location}: the private RSA key(s) as PKCS#8 PEM, JWK, JWKS or
 *                           Base64URL JWK/JWKS, at a {@code classpath:}, {@code file:}, path or http(s) location
 *                           (inline private keys are not supported, as the specification says)
 * @param algorithms         {@code mp.jwt.decrypt.key.algorithm}: default {@code RSA-OAEP,RSA-OAEP-256} (the
 *                           specification: both when unset); {@code RSA-OAEP-384}, {@code RSA-OAEP-512} allowed
 * @param encryptionMethods  {@code latchkey.jwt.decrypt.content-encryption}: default {@code A256GCM} (the one the
 *                           specification requires); {@code A128GCM}, {@code A192GCM} allowed
 */
public record DecryptionSettings(Optional<String> keyLocation, Set<JWEAlgorithm> algorithms,
                                 Set<EncryptionMethod> encryptionMethods) {

    public static final String LOCATION = "mp.jwt.decrypt.key.location";
    public static final String ALGORITHM = "mp.jwt.decrypt.key.algorithm";
    public static final String CONTENT_ENCRYPTION = "latchkey.jwt.decrypt.content-encryption";

    public static final Set<JWEAlgorithm> ALLOWED_ALGORITHMS = Set.of(JWEAlgorithm.RSA_OAEP_256,
            JWEAlgorithm.RSA_OAEP_384, JWEAlgorithm.RSA_OAEP_512, JWEAlgorithm.RSA_OAEP);
    public static final Set<EncryptionMethod> ALLOWED_ENCRYPTION_METHODS = Set.of(EncryptionMethod.A128GCM,
            EncryptionMethod.A192GCM, EncryptionMethod.A256GCM);

    public DecryptionSettings {
        keyLocation = keyLocation == null ? Optional.empty() : keyLocation;
        algorithms = Set.copyOf(algorithms);
        encryptionMethods = Set.copyOf(encryptionMethods);
        if (algorithms.isEmpty() || !ALLOWED_ALGORITHMS.containsAll(algorithms)) {
            throw new ConfigurationException(ALGORITHM, "must be a non-empty subset of " + names(ALLOWED_ALGORITHMS));
        }
        if (encryptionMethods.isEmpty() || !ALLOWED_ENCRYPTION_METHODS.containsAll(encryptionMethods)) {
            throw new ConfigurationException(CONTENT_ENCRYPTION, "must be a non-empty subset of "
                    + names(ALLOWED_ENCRYPTION_METHODS));
        }
    }

    /** Whether encrypted tokens are expected (and only those). */
    public boolean enabled() {
        return keyLocation.isPresent();
    }

    public static DecryptionSettings from(ConfigReader config) {
        return new DecryptionSettings(config.string(LOCATION),
                parse(ALGORITHM, config.list(ALGORITHM, List.of("RSA-OAEP", "RSA-OAEP-256")), ALLOWED_ALGORITHMS),
                parse(CONTENT_ENCRYPTION, config.list(CONTENT_ENCRYPTION, List.of("A256GCM")),
                        ALLOWED_ENCRYPTION_METHODS));
    }

    private static <T extends com.nimbusds.jose.Algorithm> Set<T> parse(String property, List<String> names,
                                                                         Set<T> allowed) {
        Map<String, T> byName = allowed.stream().collect(Collectors.toMap(T::getName, Function.identity()));
        Set<T> result = new LinkedHashSet<>();
        for (String name : names) {
            T value = byName.get(name);
            if (value == null) {
                throw new ConfigurationException(property, "'" + name + "' is not allowed; allowed: "
                        + names(allowed));
            }
            result.add(value);
        }
        return result;
    }

    public static List<String> names(Set<? extends com.nimbusds.jose.Algorithm> values) {
        return values.stream().map(com.nimbusds.jose.Algorithm::getName).sorted().toList();
    }
}

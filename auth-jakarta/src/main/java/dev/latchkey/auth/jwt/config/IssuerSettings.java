package dev.latchkey.auth.jwt.config;

import com.nimbusds.jose.JWSAlgorithm;
import dev.latchkey.auth.config.ConfigurationException;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One trusted token issuer: its {@code iss} value, where its verification keys come from and what it may sign with.
 *
 * @param name              {@code default} for the {@code mp.jwt.verify.*} issuer, else the {@code <name>} of
 *                          {@code latchkey.jwt.issuers.<name>.*}
 * @param propertyPrefix    the configuration prefix, for error messages
 * @param issuer            the exact {@code iss} value (RFC 7519 §4.1.1)
 * @param publicKey         inline key text (PEM, JWK, JWKS, Base64URL JWK/JWKS), or empty
 * @param publicKeyLocation where the keys are (classpath:, file:, a path, or an http(s) JWKS URL), or empty
 * @param audiences         accepted {@code aud} values; empty means {@code aud} is not checked (MicroProfile JWT)
 * @param algorithms        accepted JWS algorithms, a subset of {@link JwtAlgorithms#ALLOWED}
 */
public record IssuerSettings(String name, String propertyPrefix, String issuer, Optional<String> publicKey,
                             Optional<String> publicKeyLocation, Set<String> audiences, Set<JWSAlgorithm> algorithms) {

    public IssuerSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(propertyPrefix, "propertyPrefix");
        if (issuer == null || issuer.isBlank()) {
            throw new ConfigurationException(propertyPrefix + "issuer", "is required: tokens are accepted only from"
                    + " a named issuer (RFC 8725 §3.8)");
        }
        publicKey = publicKey == null ? Optional.empty() : publicKey;
        publicKeyLocation = publicKeyLocation == null ? Optional.empty() : publicKeyLocation;
        if (publicKey.isPresent() == publicKeyLocation.isPresent()) {
            throw new ConfigurationException(propertyPrefix + "publickey",
                    "set exactly one of " + propertyPrefix + "publickey and " + propertyPrefix + "publickey.location");
        }
        audiences = Set.copyOf(audiences);
        algorithms = Set.copyOf(algorithms);
        if (algorithms.isEmpty() || !JwtAlgorithms.ALLOWED.containsAll(algorithms)) {
            throw new ConfigurationException(propertyPrefix + "publickey.algorithm",
                    "must be a non-empty subset of " + JwtAlgorithms.names(JwtAlgorithms.ALLOWED));
        }
    }

    /** Whether the keys come from a remote JWKS endpoint (fetched lazily, cached, refreshed). */
    public boolean remote() {
        return publicKeyLocation.map(l -> l.regionMatches(true, 0, "http://", 0, 7)
                || l.regionMatches(true, 0, "https://", 0, 8)).orElse(false);
    }

    /** Never prints the inline key. */
    @Override
    public String toString() {
        return "IssuerSettings[name=" + name + ", issuer=" + issuer + ", location=" + publicKeyLocation.orElse("inline")
                + ", audiences=" + audiences + ", algorithms=" + JwtAlgorithms.names(algorithms) + "]";
    }
}

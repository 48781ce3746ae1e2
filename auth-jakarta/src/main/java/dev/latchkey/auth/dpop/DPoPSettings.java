package dev.latchkey.auth.dpop;

import com.nimbusds.jose.JWSAlgorithm;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.jwt.config.JwtAlgorithms;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of DPoP proof verification (RFC 9449), read once from {@code latchkey.dpop.*}.
 *
 * @param algorithms     {@code latchkey.dpop.algorithms}: the JWS algorithms a proof may use (§4.3 check 5); only
 *                       asymmetric ones ({@link JwtAlgorithms#ALLOWED}: never {@code none}, never HMAC); listed in the
 *                       {@code algs} challenge parameter (§7.1). Default {@code ES256, PS256, RS256, EdDSA}
 * @param proofMaxAge    {@code latchkey.dpop.proof-max-age}: how old a proof's {@code iat} may be (§4.3 check 11,
 *                       §11.1). Default 60 s
 * @param clockSkew      {@code latchkey.dpop.clock-skew}: how far in the future {@code iat} may be. Default 5 s
 * @param maxProofBytes  {@code latchkey.dpop.max-proof-bytes}: longer proofs are refused before parsing. Default 8192
 * @param nonceRequired  {@code latchkey.dpop.nonce.required}: every proof must carry a nonce this server issued
 *                       (§9). Default false
 * @param nonceLifetime  {@code latchkey.dpop.nonce.lifetime}: a nonce is accepted for one to two lifetimes. Default 5 min
 * @param nonceSecret    {@code latchkey.dpop.nonce.secret}: base64 of at least 32 bytes, the same on every instance
 *                       so that each accepts the others' nonces; empty: a random secret per start (one instance only)
 * @param bearerRefused  {@code latchkey.dpop.required}: every access token must come with a DPoP proof; a
 *                       {@code Bearer} access token (kinds {@code jwt}, {@code introspection}) is refused in favour of
 *                       DPoP. API keys are not access tokens: the {@code apikey} kind still accepts them. Default false
 * @param origins        {@code latchkey.dpop.origins}: the public origins ({@code https://api.example.com[:port]}) a
 *                       proof's {@code htu} may name; a proof for any other origin is refused, whatever {@code Host}
 *                       the client sent (RFC 9449 §4.3 check 9, §11.7). Default: the origin of
 *                       {@code latchkey.resource-metadata.resource} when set; with neither, deployment of the
 *                       {@code dpop} kind fails ({@link #requireOrigins}): the request's {@code Host} is the client's
 *                       choice and is never what {@code htu} is compared with
 */
public record DPoPSettings(Set<JWSAlgorithm> algorithms, Duration proofMaxAge, Duration clockSkew, int maxProofBytes,
                           boolean nonceRequired, Duration nonceLifetime, Optional<byte[]> nonceSecret,
                           boolean bearerRefused, Set<String> origins) {

    public static final String PREFIX = "latchkey.dpop.";
    public static final String ALGORITHMS = PREFIX + "algorithms";
    public static final String PROOF_MAX_AGE = PREFIX + "proof-max-age";
    public static final String CLOCK_SKEW = PREFIX + "clock-skew";
    public static final String MAX_PROOF_BYTES = PREFIX + "max-proof-bytes";
    public static final String NONCE_REQUIRED = PREFIX + "nonce.required";
    public static final String NONCE_LIFETIME = PREFIX + "nonce.lifetime";
    public static final String NONCE_SECRET = PREFIX + "nonce.secret";
    public static final String REQUIRED = PREFIX + "required";
    public static final String ORIGINS = PREFIX + "origins";
    /** {@code ResourceMetadataSettings.RESOURCE}, named here: the metadata package reads this one. */
    private static final String RESOURCE = "latchkey.resource-metadata.resource";

    public static final List<String> DEFAULT_ALGORITHMS = List.of("ES256", "PS256", "RS256", "EdDSA");
    private static final int MIN_SECRET_BYTES = 32;

    public DPoPSettings {
        algorithms = Set.copyOf(algorithms);
        if (algorithms.isEmpty()) {
            throw new ConfigurationException(ALGORITHMS, "must name at least one algorithm");
        }
        if (proofMaxAge == null || proofMaxAge.isZero() || proofMaxAge.isNegative()
                || proofMaxAge.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new ConfigurationException(PROOF_MAX_AGE, "must be between 1 second and 10 minutes");
        }
        if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ConfigurationException(CLOCK_SKEW, "must be between 0 and 5 minutes");
        }
        if (maxProofBytes < 512 || maxProofBytes > 65_536) {
            throw new ConfigurationException(MAX_PROOF_BYTES, "must be between 512 and 65536");
        }
        if (nonceLifetime == null || nonceLifetime.compareTo(Duration.ofSeconds(10)) < 0
                || nonceLifetime.compareTo(Duration.ofDays(1)) > 0) {
            throw new ConfigurationException(NONCE_LIFETIME, "must be between 10 seconds and 1 day");
        }
        origins = Set.copyOf(origins);
        nonceSecret = nonceSecret == null ? Optional.empty() : nonceSecret.map(byte[]::clone);
        if (nonceSecret.filter(s -> s.length < MIN_SECRET_BYTES).isPresent()) {
            throw new ConfigurationException(NONCE_SECRET, "must be base64 of at least " + MIN_SECRET_BYTES + " bytes");
        }
    }

    /** @throws ConfigurationException naming the property for a bad value */
    public static DPoPSettings from(ConfigReader config) {
        return new DPoPSettings(
                JwtAlgorithms.parse(ALGORITHMS, config.list(ALGORITHMS, DEFAULT_ALGORITHMS)),
                config.duration(PROOF_MAX_AGE, Duration.ofSeconds(60)),
                config.duration(CLOCK_SKEW, Duration.ofSeconds(5)),
                config.integer(MAX_PROOF_BYTES, 8192),
                config.bool(NONCE_REQUIRED, false),
                config.duration(NONCE_LIFETIME, Duration.ofMinutes(5)),
                config.string(NONCE_SECRET).map(DPoPSettings::decodeSecret),
                config.bool(REQUIRED, false),
                origins(config));
    }

    private static Set<String> origins(ConfigReader config) {
        Optional<String> resource = config.string(RESOURCE);
        List<String> values = config.list(ORIGINS, List.of());
        String name = ORIGINS;
        if (values.isEmpty() && resource.isPresent()) {
            values = List.of(resource.get());
            name = RESOURCE;
        }
        Set<String> origins = new java.util.HashSet<>();
        for (String value : values) {
            ConfigReader.url(name, value);
            String property = name;
            origins.add(HttpUri.normalize(value).map(HttpUri::origin).orElseThrow(
                    () -> new ConfigurationException(property, "is not an http(s) origin: '" + value + "'")));
        }
        return origins;
    }

    /** Whether a proof may name the origin of this normalized {@code htu} (none, when no origin is configured). */
    boolean originAllowed(String normalizedUri) {
        return origins.contains(HttpUri.origin(normalizedUri));
    }

    /**
     * Fails closed when the {@code dpop} kind is enabled without a configured origin (RFC 9449 §4.3 check 9, §11.7).
     *
     * @throws ConfigurationException naming {@value #ORIGINS} and {@code latchkey.resource-metadata.resource}
     */
    public void requireOrigins() {
        if (origins.isEmpty()) {
            throw new ConfigurationException(ORIGINS, "the dpop kind needs this server's public origin: set " + ORIGINS
                    + " (e.g. https://api.example.com) or " + RESOURCE + "; a proof's htu is never compared with the"
                    + " Host the client sent");
        }
    }

    /** The {@code algs} challenge value (RFC 9449 §7.1): the algorithm names, sorted, space-separated. */
    public String algs() {
        return String.join(" ", JwtAlgorithms.names(algorithms));
    }

    private static byte[] decodeSecret(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(NONCE_SECRET, "is not base64");
        }
    }

    /** Never prints the nonce secret. */
    @Override
    public String toString() {
        return "DPoPSettings[algorithms=" + algs() + ", proofMaxAge=" + proofMaxAge + ", clockSkew=" + clockSkew
                + ", maxProofBytes=" + maxProofBytes + ", nonceRequired=" + nonceRequired + ", nonceLifetime="
                + nonceLifetime + ", nonceSecret=" + (nonceSecret.isPresent() ? "(set)" : "(random)")
                + ", bearerRefused=" + bearerRefused + ", origins=" + origins + "]";
    }
}

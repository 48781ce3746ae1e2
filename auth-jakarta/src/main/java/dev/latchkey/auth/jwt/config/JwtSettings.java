package dev.latchkey.auth.jwt.config;

import dev.latchkey.auth.apikey.ApiKeySettings;

import com.nimbusds.jose.JWSAlgorithm;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of the bearer-JWT mechanism, read from MicroProfile Config. MicroProfile JWT 2.1 property names are used
 * where they exist ({@code mp.jwt.verify.*}, {@code mp.jwt.token.*}); everything else is {@code latchkey.jwt.*}.
 * See {@link #from(Config)} for the property list and defaults.
 *
 * @param issuers        the trusted issuers: {@code mp.jwt.verify.*} as {@code default} plus every
 *                       {@code latchkey.jwt.issuers.<name>.*}; at least one, {@code iss} values distinct
 * @param clockSkew      leeway for {@code exp}, {@code nbf}, {@code iat} (RFC 7519 §4.1.4: "a small leeway")
 * @param tokenAge       maximum age since {@code iat}, no leeway (MicroProfile JWT {@code mp.jwt.verify.token.age})
 * @param tokenHeader    {@code Authorization}, {@code Cookie} or a custom header name
 * @param tokenCookie    cookie name when {@code tokenHeader} is {@code Cookie}
 * @param requiredClaims claims every token must carry
 * @param typ            expected JOSE {@code typ} (e.g. {@code at+jwt}, RFC 9068 §4), or empty for any
 * @param maxTokenBytes  tokens longer than this are refused before parsing
 * @param nameClaims     claims tried in order for the caller name
 * @param groupsClaim    claim (dotted path allowed, e.g. {@code realm_access.roles}) holding the groups
 * @param minRsaBits     smallest RSA modulus accepted, for signature and decryption keys (default 2048, as RFC 7518
 *                       §3.3 and §4.3 require; 1024 is accepted only when configured explicitly, with a warning)
 * @param jwks           remote JWKS fetching and caching
 * @param cacheMaxSize   verified-token cache size; 0 disables it
 * @param cacheTtl       longest time a verified token stays cached (never past its {@code exp})
 * @param apiKeyPrefixes Bearer values starting with one of these are API keys, left to the API-key kind
 * @param decryption     decryption of encrypted (JWE) tokens ({@code mp.jwt.decrypt.*})
 */
public record JwtSettings(List<IssuerSettings> issuers, Duration clockSkew, Optional<Duration> tokenAge,
                          String tokenHeader, String tokenCookie, Set<String> requiredClaims, Optional<String> typ,
                          int maxTokenBytes, List<String> nameClaims, String groupsClaim, int minRsaBits,
                          JwksSettings jwks, long cacheMaxSize, Duration cacheTtl, List<String> apiKeyPrefixes,
                          DecryptionSettings decryption) {

    public static final String MP = "mp.jwt.verify.";
    public static final String LK = "latchkey.jwt.";
    /** The leeway for {@code exp}, {@code nbf}, {@code iat} and step-up's {@code auth_time}. */
    public static final String CLOCK_SKEW = MP + "clock.skew";

    /**
     * Default size of the verified-token cache: 25 000 distinct tokens, about 37 MB of heap when full (about 1.5 KB per
     * cached token, measured with {@code benchmarks/load/run.sh --memory 20000}). A token that no longer fits costs an
     * RSA or EC verification on its next request, so the default holds a service's working set of 20 000 clients.
     */
    public static final long DEFAULT_CACHE_MAX_SIZE = 25_000;
    public static final String ISSUERS = LK + "issuers.";
    /**
     * {@code upn}, then {@code sub}. MicroProfile JWT 2.1 §5.1 also tries {@code preferred_username} before
     * {@code sub}, but many identity providers let users edit it (OpenID Connect Core §5.1: "MUST NOT rely upon this
     * value being unique"), so one user could take another's name; list it explicitly to opt in.
     */
    public static final List<String> DEFAULT_NAME_CLAIMS = List.of("upn", "sub");
    private static final Pattern ISSUER_PROPERTY = Pattern.compile("^latchkey\\.jwt\\.issuers\\.([A-Za-z0-9_-]+)\\..+$");
    private static final Pattern TOKEN_NAME = Pattern.compile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$");

    public JwtSettings {
        issuers = List.copyOf(issuers);
        if (issuers.isEmpty()) {
            throw new ConfigurationException(MP + "publickey", "no JWT issuer configured: set mp.jwt.verify.issuer and"
                    + " mp.jwt.verify.publickey(.location), or latchkey.jwt.issuers.<name>.*");
        }
        Set<String> seen = new HashSet<>();
        for (IssuerSettings i : issuers) {
            if (!seen.add(i.issuer())) {
                throw new ConfigurationException(i.propertyPrefix() + "issuer", "issuer '" + i.issuer()
                        + "' is configured twice");
            }
        }
        checkedSkew(clockSkew);
        tokenAge = tokenAge == null ? Optional.empty() : tokenAge;
        if (tokenAge.filter(a -> a.isZero() || a.isNegative()).isPresent()) {
            throw new ConfigurationException(MP + "token.age", "must be a positive number of seconds");
        }
        if (tokenHeader == null || !TOKEN_NAME.matcher(tokenHeader).matches()) {
            throw new ConfigurationException("mp.jwt.token.header", "must be a header name");
        }
        if (tokenCookie == null || !TOKEN_NAME.matcher(tokenCookie).matches()) {
            throw new ConfigurationException("mp.jwt.token.cookie", "must be a cookie name");
        }
        requiredClaims = Set.copyOf(requiredClaims);
        typ = typ == null ? Optional.empty() : typ;
        if (maxTokenBytes < 256 || maxTokenBytes > 1_048_576) {
            throw new ConfigurationException(LK + "max-token-bytes", "must be between 256 and 1048576");
        }
        nameClaims = List.copyOf(nameClaims);
        if (nameClaims.isEmpty()) {
            throw new ConfigurationException(LK + "name-claims", "must name at least one claim");
        }
        if (groupsClaim == null || groupsClaim.isBlank() || groupsClaim.startsWith(".") || groupsClaim.endsWith(".")
                || groupsClaim.contains("..")) {
            throw new ConfigurationException(LK + "groups-claim", "must be a claim name or a dotted path");
        }
        if (minRsaBits < 1024 || minRsaBits > 16384) {
            throw new ConfigurationException(LK + "min-rsa-bits", "must be between 1024 and 16384 (RFC 7518 §3.3"
                    + " requires 2048; 1024 only as an explicit opt-in for legacy issuers)");
        }
        if (jwks == null) {
            throw new ConfigurationException(JwksSettings.PREFIX + "*", "missing");
        }
        if (cacheMaxSize < 0) {
            throw new ConfigurationException(LK + "cache.max-size", "must not be negative");
        }
        if (cacheTtl == null || cacheTtl.isZero() || cacheTtl.isNegative()) {
            throw new ConfigurationException(LK + "cache.ttl", "must be a positive duration");
        }
        apiKeyPrefixes = List.copyOf(apiKeyPrefixes);
        if (decryption == null) {
            throw new ConfigurationException(DecryptionSettings.LOCATION, "missing");
        }
    }

    /** Whether tokens come from a cookie (MicroProfile JWT: {@code mp.jwt.token.header=Cookie}). */
    public boolean fromCookie() {
        return tokenHeader.equalsIgnoreCase("Cookie");
    }

    /**
     * {@value #CLOCK_SKEW} alone: also the leeway of checks outside the JWT kind (RFC 9470 step-up's
     * {@code auth_time}), read where no issuer is configured.
     *
     * @throws ConfigurationException naming the property for a value outside 0 to 600 seconds
     */
    public static Duration clockSkew(ConfigReader config) {
        return checkedSkew(config.duration(CLOCK_SKEW, Duration.ofSeconds(60)));
    }

    private static Duration checkedSkew(Duration skew) {
        if (skew == null || skew.isNegative() || skew.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new ConfigurationException(CLOCK_SKEW, "must be between 0 and 600 seconds");
        }
        return skew;
    }

    /**
     * Reads every property from {@code config}; the issuer names of {@code latchkey.jwt.issuers.<name>.*} come from
     * {@link Config#getPropertyNames()}.
     */
    public static JwtSettings from(Config config) {
        return from(new ConfigReader(config), config.getPropertyNames());
    }

    public static JwtSettings from(ConfigReader config, Iterable<String> propertyNames) {
        Set<JWSAlgorithm> defaultAlgs = JwtAlgorithms.parse(MP + "publickey.algorithm",
                config.list(MP + "publickey.algorithm", JwtAlgorithms.names(JwtAlgorithms.DEFAULT)));
        List<IssuerSettings> issuers = new ArrayList<>();
        if (config.string(MP + "issuer").isPresent() || config.string(MP + "publickey").isPresent()
                || config.string(MP + "publickey.location").isPresent()) {
            issuers.add(new IssuerSettings("default", MP, config.string(MP + "issuer").orElse(null),
                    config.string(MP + "publickey"), config.string(MP + "publickey.location"),
                    Set.copyOf(config.list(MP + "audiences", List.of())), defaultAlgs));
        }
        for (String name : issuerNames(propertyNames)) {
            String p = ISSUERS + name + ".";
            issuers.add(new IssuerSettings(name, p, config.string(p + "issuer").orElse(null),
                    config.string(p + "publickey"), config.string(p + "publickey.location"),
                    Set.copyOf(config.list(p + "audiences", List.of())),
                    config.string(p + "algorithm").isPresent()
                            ? JwtAlgorithms.parse(p + "algorithm", config.list(p + "algorithm", List.of()))
                            : defaultAlgs));
        }
        return new JwtSettings(issuers,
                clockSkew(config),
                Optional.ofNullable(config.duration(MP + "token.age", null)),
                config.string("mp.jwt.token.header", "Authorization"),
                config.string("mp.jwt.token.cookie", "Bearer"), // MicroProfile JWT 2.1 §9.3: the cookie's default name
                Set.copyOf(config.list(LK + "required-claims", List.of())),
                config.string(LK + "typ"),
                config.integer(LK + "max-token-bytes", 8192),
                config.list(LK + "name-claims", DEFAULT_NAME_CLAIMS),
                config.string(LK + "groups-claim", "groups"),
                config.integer(LK + "min-rsa-bits", 2048),
                JwksSettings.from(config),
                config.longValue(LK + "cache.max-size", DEFAULT_CACHE_MAX_SIZE),
                config.duration(LK + "cache.ttl", Duration.ofMinutes(5)),
                List.copyOf(ApiKeySettings.prefixes(config).keySet()),
                DecryptionSettings.from(config));
    }

    /** Whether any issuer is configured (the default {@code mp.jwt.verify.*} one or a named one): JWTs can be verified. */
    public static boolean hasIssuer(ConfigReader config, Iterable<String> propertyNames) {
        return config.string(MP + "issuer").isPresent() || config.string(MP + "publickey").isPresent()
                || config.string(MP + "publickey.location").isPresent() || !issuerNames(propertyNames).isEmpty();
    }

    static Set<String> issuerNames(Iterable<String> propertyNames) {
        Set<String> names = new TreeSet<>();
        for (String property : propertyNames) {
            Matcher m = ISSUER_PROPERTY.matcher(property);
            if (m.matches()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}

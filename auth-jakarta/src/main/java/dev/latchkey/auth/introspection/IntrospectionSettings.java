package dev.latchkey.auth.introspection;

import com.nimbusds.jose.JWSAlgorithm;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.jwt.config.JwtAlgorithms;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of the token-introspection kind (RFC 7662), read once from {@code latchkey.introspection.*}.
 *
 * @param endpoint       {@code .endpoint}: the authorization server's introspection endpoint; HTTPS, or HTTP to a
 *                       loopback address only (the request carries the client's credentials and the token)
 * @param clientId       {@code .client-id}: this resource server's client at the authorization server
 * @param clientAuth     {@code .client-auth}: {@code client_secret_basic} (default) or {@code private_key_jwt}
 *                       (RFC 7523 §2.2, OpenID Connect Core §9)
 * @param clientSecret   {@code .client-secret}: for {@code client_secret_basic}
 * @param privateKey     {@code .private-key.location}: for {@code private_key_jwt}, a PKCS#8 PEM file or a private
 *                       JWK (JSON) file
 * @param signingAlg     {@code .private-key.algorithm}: the assertion's algorithm (default {@code RS256})
 * @param keyId          {@code .private-key.kid}: the assertion's {@code kid}, when the server needs it
 * @param assertionAudience {@code .assertion-audience}: the assertion's {@code aud} (default: the issuer when
 *                       configured, else the endpoint)
 * @param issuer         {@code .issuer}: when set, an answer naming another {@code iss} is refused
 * @param audiences      {@code .audiences}: when set, the token's {@code aud} must contain one of them
 * @param allTokens      {@code .tokens}: {@code opaque} (default: tokens that are not JWTs) or {@code all}
 * @param nameClaims     {@code .name-claims}: members tried in order for the caller name (default {@code sub},
 *                       {@code username}, {@code client_id})
 * @param groupsClaim    {@code .groups-claim}: member (dotted path allowed) holding the groups (default
 *                       {@code groups})
 * @param connectTimeout {@code .connect-timeout} (default 2 s)
 * @param readTimeout    {@code .read-timeout} (default 5 s)
 * @param cacheTtl       {@code .cache.ttl}: longest time an active answer is reused, never past the token's
 *                       {@code exp} (default 60 s; 0 disables the cache)
 * @param negativeTtl    {@code .cache.negative-ttl}: how long an inactive answer is reused (default 5 s, at most
 *                       {@code cacheTtl})
 * @param cacheMaxSize   {@code .cache.max-size} (default 10000)
 * @param maxConcurrent  {@code .max-concurrent}: most requests to the endpoint in flight at once (default 64, 1 to
 *                       10000); look-ups beyond it are answered 503 at once, never queued (concurrent look-ups of one
 *                       token share one request and count once)
 */
public record IntrospectionSettings(URI endpoint, String clientId, ClientAuth clientAuth, Optional<String> clientSecret,
                                    Optional<Path> privateKey, JWSAlgorithm signingAlg, Optional<String> keyId,
                                    URI assertionAudience, Optional<String> issuer, Set<String> audiences,
                                    boolean allTokens, List<String> nameClaims, String groupsClaim,
                                    Duration connectTimeout, Duration readTimeout, Duration cacheTtl,
                                    Duration negativeTtl, long cacheMaxSize, int maxConcurrent) {

    /** The kind's name in {@code latchkey.mechanisms}. */
    public static final String KIND = "introspection";
    public static final String PREFIX = "latchkey.introspection.";
    public static final String ENDPOINT = PREFIX + "endpoint";
    public static final String CLIENT_ID = PREFIX + "client-id";
    public static final String CLIENT_AUTH = PREFIX + "client-auth";
    public static final String CLIENT_SECRET = PREFIX + "client-secret";
    public static final String PRIVATE_KEY = PREFIX + "private-key.location";
    public static final String SIGNING_ALG = PREFIX + "private-key.algorithm";
    public static final String KEY_ID = PREFIX + "private-key.kid";
    public static final String ASSERTION_AUDIENCE = PREFIX + "assertion-audience";
    public static final String ISSUER = PREFIX + "issuer";
    public static final String AUDIENCES = PREFIX + "audiences";
    public static final String TOKENS = PREFIX + "tokens";
    public static final String NAME_CLAIMS = PREFIX + "name-claims";
    public static final String GROUPS_CLAIM = PREFIX + "groups-claim";
    public static final String CONNECT_TIMEOUT = PREFIX + "connect-timeout";
    public static final String READ_TIMEOUT = PREFIX + "read-timeout";
    public static final String CACHE_TTL = PREFIX + "cache.ttl";
    public static final String NEGATIVE_TTL = PREFIX + "cache.negative-ttl";
    public static final String CACHE_MAX_SIZE = PREFIX + "cache.max-size";
    public static final String MAX_CONCURRENT = PREFIX + "max-concurrent";

    /** How this resource server authenticates to the introspection endpoint (RFC 7662 §2.1). */
    public enum ClientAuth {
        CLIENT_SECRET_BASIC, PRIVATE_KEY_JWT;

        static ClientAuth parse(String value) {
            return switch (value) {
                case "client_secret_basic" -> CLIENT_SECRET_BASIC;
                case "private_key_jwt" -> PRIVATE_KEY_JWT;
                default -> throw new ConfigurationException(CLIENT_AUTH,
                        "expected client_secret_basic or private_key_jwt, got '" + value + "'");
            };
        }
    }

    public IntrospectionSettings {
        if (endpoint == null) {
            throw new ConfigurationException(ENDPOINT, "missing: the authorization server's introspection endpoint");
        }
        checkEndpoint(endpoint);
        if (clientId == null || clientId.isBlank()) {
            throw new ConfigurationException(CLIENT_ID, "missing");
        }
        if (clientAuth == ClientAuth.CLIENT_SECRET_BASIC && clientSecret.isEmpty()) {
            throw new ConfigurationException(CLIENT_SECRET, "missing (client_secret_basic)");
        }
        if (clientAuth == ClientAuth.PRIVATE_KEY_JWT && privateKey.isEmpty()) {
            throw new ConfigurationException(PRIVATE_KEY, "missing (private_key_jwt)");
        }
        audiences = Set.copyOf(audiences);
        nameClaims = List.copyOf(nameClaims);
        if (nameClaims.isEmpty()) {
            throw new ConfigurationException(NAME_CLAIMS, "must name at least one member");
        }
        if (groupsClaim == null || groupsClaim.isBlank()) {
            throw new ConfigurationException(GROUPS_CLAIM, "must not be blank");
        }
        positive(CONNECT_TIMEOUT, connectTimeout, Duration.ofMinutes(1));
        positive(READ_TIMEOUT, readTimeout, Duration.ofMinutes(1));
        if (cacheTtl == null || cacheTtl.isNegative() || cacheTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new ConfigurationException(CACHE_TTL, "must be between 0 and 1 hour");
        }
        if (negativeTtl == null || negativeTtl.isNegative() || negativeTtl.compareTo(cacheTtl) > 0) {
            throw new ConfigurationException(NEGATIVE_TTL, "must be between 0 and " + CACHE_TTL);
        }
        if (cacheMaxSize < 0) {
            throw new ConfigurationException(CACHE_MAX_SIZE, "must not be negative");
        }
        if (maxConcurrent < 1 || maxConcurrent > 10_000) {
            throw new ConfigurationException(MAX_CONCURRENT, "must be between 1 and 10000");
        }
    }

    /** @throws ConfigurationException naming the property for a missing or bad value */
    public static IntrospectionSettings from(ConfigReader config) {
        URI endpoint = config.url(ENDPOINT).orElse(null);
        Optional<String> issuer = config.string(ISSUER);
        return new IntrospectionSettings(endpoint,
                config.string(CLIENT_ID).orElse(null),
                ClientAuth.parse(config.string(CLIENT_AUTH, "client_secret_basic")),
                config.string(CLIENT_SECRET),
                config.string(PRIVATE_KEY).map(Path::of),
                JwtAlgorithms.parse(SIGNING_ALG, List.of(config.string(SIGNING_ALG, "RS256"))).iterator().next(),
                config.string(KEY_ID),
                config.string(ASSERTION_AUDIENCE).or(() -> issuer).map(v -> ConfigReader.url(ASSERTION_AUDIENCE, v))
                        .orElse(endpoint),
                issuer,
                Set.copyOf(config.list(AUDIENCES, List.of())),
                tokens(config.string(TOKENS, "opaque")),
                config.list(NAME_CLAIMS, List.of("sub", "username", "client_id")),
                config.string(GROUPS_CLAIM, "groups"),
                config.duration(CONNECT_TIMEOUT, Duration.ofSeconds(2)),
                config.duration(READ_TIMEOUT, Duration.ofSeconds(5)),
                config.duration(CACHE_TTL, Duration.ofSeconds(60)),
                config.duration(NEGATIVE_TTL, Duration.ofSeconds(5)),
                config.longValue(CACHE_MAX_SIZE, 10_000),
                config.integer(MAX_CONCURRENT, 64));
    }

    private static boolean tokens(String value) {
        return switch (value) {
            case "opaque" -> false;
            case "all" -> true;
            default -> throw new ConfigurationException(TOKENS, "expected opaque or all, got '" + value + "'");
        };
    }


    private static void checkEndpoint(URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && isLoopback(endpoint.getHost())) {
            return;
        }
        throw new ConfigurationException(ENDPOINT, "must be https (http only to a loopback address): the request"
                + " carries the client credentials and the token");
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            return false; // a name other than localhost: no DNS look-up at start-up
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void positive(String property, Duration value, Duration max) {
        if (value == null || value.isZero() || value.isNegative() || value.compareTo(max) > 0) {
            throw new ConfigurationException(property, "must be a positive duration of at most " + max);
        }
    }

    /** Never prints the client secret. */
    @Override
    public String toString() {
        return "IntrospectionSettings[endpoint=" + endpoint + ", clientId=" + clientId + ", clientAuth=" + clientAuth
                + ", clientSecret=" + (clientSecret.isPresent() ? "(set)" : "(none)") + ", privateKey="
                + privateKey.orElse(null) + ", cacheTtl=" + cacheTtl + ", negativeTtl=" + negativeTtl
                + ", maxConcurrent=" + maxConcurrent + "]";
    }
}

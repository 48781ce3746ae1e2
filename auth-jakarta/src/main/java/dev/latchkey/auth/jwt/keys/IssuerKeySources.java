package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.jwt.config.IssuerSettings;
import dev.latchkey.auth.jwt.config.JwksSettings;

import java.time.Clock;

/**
 * Builds the Nimbus {@link JWKSource} of one issuer.
 *
 * <ul>
 *   <li>Inline keys ({@code publickey}) are parsed at start-up; any unusable key fails deployment.</li>
 *   <li>Local locations ({@code classpath:}, {@code file:}, a path; see {@link KeyLocation}) are read at start-up
 *   when present, else at first use ({@link LocalKeySource}): a missing location answers 503 until it appears.</li>
 *   <li>An {@code http(s)} location (a JWKS, JWK or PEM document) is fetched on first use, so an application may
 *   serve its own keys. Nimbus's {@link JWKSourceBuilder} adds caching, refresh-ahead, a rate limit on refetches for
 *   unknown {@code kid}s, one retry and outage tolerance; {@link CacheControlledJWKSetSource} shortens the cache
 *   lifetime to the response's {@code Cache-Control}; unusable keys in a fetched set are dropped with a log line;
 *   {@link OutageAwareJWKSource} tells an unknown {@code kid} from an unreachable endpoint.</li>
 * </ul>
 *
 * Keys are only ever taken from configuration: headers such as {@code jku}, {@code x5u}, {@code jwk} and {@code x5c}
 * are never consulted (RFC 8725 §3.10).
 */
public final class IssuerKeySources {

    private static final System.Logger LOG = System.getLogger(IssuerKeySources.class.getName());

    private IssuerKeySources() {
    }

    public static JWKSource<SecurityContext> build(IssuerSettings issuer, JwksSettings jwks, int minRsaBits) {
        return build(issuer, jwks, minRsaBits, Clock.systemUTC());
    }

    /** @param clock decides when a remote key set's {@code Cache-Control} lifetime has passed */
    public static JWKSource<SecurityContext> build(IssuerSettings issuer, JwksSettings jwks, int minRsaBits,
                                                   Clock clock) {
        KeyPolicy policy = KeyPolicy.verification(issuer.algorithms(), minRsaBits,
                issuer.propertyPrefix() + "publickey.algorithm");
        if (issuer.publicKey().isPresent()) {
            String property = issuer.propertyPrefix() + "publickey";
            try {
                return new ImmutableJWKSet<>(policy.requireUsable(KeyMaterialParser.parse(issuer.publicKey().get()),
                        property));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(property, e.getMessage());
            }
        }
        KeyLocation location = KeyLocation.of(issuer.propertyPrefix() + "publickey.location",
                issuer.publicKeyLocation().orElseThrow());
        if (location.remote()) {
            return remote(issuer, location, jwks, policy, clock);
        }
        return LocalKeySource.of(location, text -> policy.requireUsable(KeyMaterialParser.parse(text),
                location.property()), clock,
                jwks.minRefetchInterval());
    }

    private static JWKSource<SecurityContext> remote(IssuerSettings issuer, KeyLocation location, JwksSettings jwks,
                                                     KeyPolicy policy, Clock clock) {
        if (RemoteKeySources.plainHttpBeyondLoopback(location.url())) {
            LOG.log(System.Logger.Level.WARNING, "{0} fetches keys over plain HTTP: use https (RFC 8725 §3.10)",
                    location.property());
        }
        return RemoteKeySources.build(location, issuer.name(), jwks, clock, KeyMaterialParser::parse, policy::filter);
    }
}

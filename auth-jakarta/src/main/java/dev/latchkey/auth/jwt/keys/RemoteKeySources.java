package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import dev.latchkey.auth.jwt.config.JwksSettings;

import java.net.URL;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Nimbus source chain of an {@code http(s)} key location, shared by verification and decryption keys:
 * {@link RemoteKeySetSource} (fetch, parse, drop unusable keys) under Nimbus's {@link JWKSourceBuilder} (cache,
 * refresh-ahead, refetch rate limit, retry, outage tolerance), with {@link CacheControlledJWKSetSource} on top of the
 * cache and {@link OutageAwareJWKSource} around the whole.
 */
final class RemoteKeySources {

    private RemoteKeySources() {
    }

    /**
     * @param name   the issuer name, or "decryption", for log lines
     * @param parser key text to keys ({@link IllegalArgumentException} when unreadable)
     * @param policy which keys are usable
     */
    static JWKSource<SecurityContext> build(KeyLocation location, String name, JwksSettings jwks, Clock clock,
                                            Function<String, JWKSet> parser,
                                            Function<List<JWK>, KeyPolicy.Result> policy) {
        CacheControlRetriever retriever = new CacheControlRetriever(
                Math.toIntExact(jwks.connectTimeout().toMillis()), Math.toIntExact(jwks.readTimeout().toMillis()),
                jwks.sizeLimitBytes());
        var freshness = new CacheControlledJWKSetSource.Freshness(clock, jwks.minCacheTtl(), jwks.cacheTtl(),
                jwks.maxCacheTtl());
        var source = new RemoteKeySetSource(location.url(), retriever, parser, policy, name, freshness);
        JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.create(source)
                .cache(jwks.maxCacheTtl().toMillis(), jwks.refreshTimeout().toMillis())
                .refreshAheadCache(jwks.refreshAhead().toMillis(), false)
                .rateLimited(jwks.minRefetchInterval().toMillis())
                .retrying(jwks.retry());
        boolean tolerant = !jwks.outageTolerance().isZero();
        builder = tolerant ? builder.outageTolerant(jwks.outageTolerance().toMillis()) : builder.outageTolerant(false);
        return new OutageAwareJWKSource(name, builder, cachedChain -> new JWKSetBasedJWKSource<>(
                new CacheControlledJWKSetSource(cachedChain, freshness, jwks.minRefetchInterval(), name, tolerant)));
    }

    /** Whether {@code url} is plain {@code http:} to a host other than the loopback interface. */
    static boolean plainHttpBeyondLoopback(URL url) {
        if (!"http".equalsIgnoreCase(url.getProtocol())) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return !(host.equals("localhost") || host.matches("127(\\.\\d{1,3}){3}") || host.equals("[::1]") || host.equals("::1"));
    }
}

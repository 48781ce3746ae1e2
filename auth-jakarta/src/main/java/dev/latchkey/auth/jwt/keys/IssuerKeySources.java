package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.jwt.config.IssuerSettings;
import dev.latchkey.auth.jwt.config.JwksSettings;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Builds the Nimbus {@link JWKSource} of one issuer.
 *
 * <ul>
 *   <li>Inline keys and local locations ({@code classpath:}, {@code file:}, a plain path tried as a file and then as a
 *   class-path resource) are read at start-up; any unusable key fails deployment (the configuration is wrong).</li>
 *   <li>An {@code http(s)} location is a JWKS endpoint (RFC 7517 §5) fetched on first use, not at start-up, so an
 *   application may serve its own JWKS. Nimbus's {@link JWKSourceBuilder} adds caching, refresh-ahead, a rate limit
 *   on refetches for unknown {@code kid}s, one retry and outage tolerance; unusable keys in a fetched set are dropped
 *   with a log line; {@link OutageAwareJWKSource} tells an unknown {@code kid} from an unreachable endpoint.</li>
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
        KeyPolicy policy = new KeyPolicy(issuer.algorithms(), minRsaBits);
        if (issuer.remote()) {
            return remote(issuer, jwks, policy);
        }
        String property = issuer.propertyPrefix() + (issuer.publicKey().isPresent() ? "publickey" : "publickey.location");
        String text = issuer.publicKey().orElseGet(() -> read(property, issuer.publicKeyLocation().orElseThrow()));
        JWKSet set;
        try {
            set = KeyMaterialParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(property, e.getMessage());
        }
        KeyPolicy.Result result = policy.filter(set.getKeys());
        if (!result.refused().isEmpty()) {
            throw new ConfigurationException(property, "unusable key(s): " + result.refused().stream()
                    .map(r -> r.kid() + ": " + r.problem()).collect(Collectors.joining("; ")));
        }
        return new ImmutableJWKSet<>(new JWKSet(result.usable()));
    }

    private static JWKSource<SecurityContext> remote(IssuerSettings issuer, JwksSettings jwks, KeyPolicy policy) {
        String property = issuer.propertyPrefix() + "publickey.location";
        URL url;
        try {
            url = URI.create(issuer.publicKeyLocation().orElseThrow()).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new ConfigurationException(property, "not a valid URL");
        }
        if ("http".equalsIgnoreCase(url.getProtocol()) && !isLoopback(url.getHost())) {
            LOG.log(System.Logger.Level.WARNING, "{0} fetches keys over plain HTTP: use https (RFC 8725 §3.10)",
                    property);
        }
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(
                Math.toIntExact(jwks.connectTimeout().toMillis()), Math.toIntExact(jwks.readTimeout().toMillis()),
                jwks.sizeLimitBytes());
        var source = new FilteringJWKSetSource(new URLBasedJWKSetSource<>(url, retriever), policy, issuer.name());
        JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.create(source)
                .cache(jwks.cacheTtl().toMillis(), jwks.refreshTimeout().toMillis())
                .refreshAheadCache(jwks.refreshAhead().toMillis(), false)
                .rateLimited(jwks.minRefetchInterval().toMillis())
                .retrying(jwks.retry());
        builder = jwks.outageTolerance().isZero() ? builder.outageTolerant(false)
                : builder.outageTolerant(jwks.outageTolerance().toMillis());
        return new OutageAwareJWKSource(issuer.name(), builder);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    static String read(String property, String location) {
        try {
            if (location.startsWith("classpath:")) {
                return classpath(property, location.substring("classpath:".length()));
            }
            if (location.startsWith("file:")) {
                return Files.readString(Path.of(URI.create(location)), StandardCharsets.UTF_8);
            }
            Path path = Path.of(location);
            if (Files.isRegularFile(path)) {
                return Files.readString(path, StandardCharsets.UTF_8);
            }
            return classpath(property, location);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(property, "cannot read key location '" + location + "'");
        }
    }

    private static String classpath(String property, String resource) throws IOException {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = IssuerKeySources.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new ConfigurationException(property, "no file or class-path resource '" + resource + "'");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

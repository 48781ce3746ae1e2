package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetParseException;
import com.nimbusds.jose.jwk.source.JWKSetRetrievalException;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.function.Function;

/**
 * The bottom of a remote issuer's Nimbus source chain: one HTTP GET of the key location, whose body may be a JWKS
 * (RFC 7517 §5), a single JWK or PEM (MicroProfile JWT 2.1 lets an http(s) location return any supported format).
 * The {@link KeyPolicy} is applied to every fetched set: unusable keys are dropped one by one, each with a log line
 * naming its {@code kid}, so that one bad key does not disable the issuer. Each successful fetch reports its
 * {@code Cache-Control} lifetime to the {@link CacheControlledJWKSetSource} at the top of the chain.
 *
 * <p>A failed fetch or an unparsable body is a {@code JWKSetUnavailableException}, so that Nimbus's retry and outage
 * layers treat it as an outage (503 with nothing cached), never as the caller's fault.
 *
 * @param parser     key text to keys ({@link IllegalArgumentException} when unreadable)
 * @param policy     which keys are usable
 * @param issuerName for log lines
 */
record RemoteKeySetSource(URL url, CacheControlRetriever retriever, Function<String, JWKSet> parser,
                          Function<List<JWK>, KeyPolicy.Result> policy, String issuerName,
                          CacheControlledJWKSetSource.Freshness freshness) implements JWKSetSource<SecurityContext> {

    private static final System.Logger LOG = System.getLogger(RemoteKeySetSource.class.getName());

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        CacheControlRetriever.Fetched fetched;
        try {
            fetched = retriever.fetch(url);
        } catch (IOException e) {
            throw new JWKSetRetrievalException("cannot fetch the keys of issuer " + issuerName + ": "
                    + e.getClass().getSimpleName(), e);
        }
        JWKSet parsed;
        try {
            parsed = parser.apply(fetched.resource().getContent());
        } catch (IllegalArgumentException e) {
            throw new JWKSetParseException("keys of issuer " + issuerName + " unreadable: " + e.getMessage(), null);
        }
        KeyPolicy.Result result = policy.apply(parsed.getKeys());
        for (KeyPolicy.Refusal r : result.refused()) {
            LOG.log(System.Logger.Level.WARNING, "keys of issuer {0}: key {1} (alg {2}) ignored: {3}",
                    issuerName, r.kid(), r.alg(), r.problem());
        }
        freshness.fetched(fetched.maxAge());
        return new JWKSet(result.usable());
    }

    @Override
    public void close() {
    }
}

package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;

import java.io.IOException;

/**
 * Applies the {@link KeyPolicy} to every key set fetched from a remote JWKS endpoint, below Nimbus's cache: unusable
 * keys are dropped one by one, each with a log line naming its {@code kid}, so that one bad key does not disable the
 * issuer.
 */
final class FilteringJWKSetSource implements JWKSetSource<SecurityContext> {

    private static final System.Logger LOG = System.getLogger(FilteringJWKSetSource.class.getName());

    private final JWKSetSource<SecurityContext> delegate;
    private final KeyPolicy policy;
    private final String issuerName;

    FilteringJWKSetSource(JWKSetSource<SecurityContext> delegate, KeyPolicy policy, String issuerName) {
        this.delegate = delegate;
        this.policy = policy;
        this.issuerName = issuerName;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        JWKSet fetched = delegate.getJWKSet(refreshEvaluator, currentTime, context);
        KeyPolicy.Result result = policy.filter(fetched.getKeys());
        for (KeyPolicy.Refusal r : result.refused()) {
            LOG.log(System.Logger.Level.WARNING, "JWKS of issuer {0}: key {1} ignored: {2}",
                    issuerName, r.kid(), r.problem());
        }
        return result.refused().isEmpty() ? fetched : new JWKSet(result.usable());
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}

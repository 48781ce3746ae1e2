package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWithHealthStatusReporting;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.health.HealthReport;
import com.nimbusds.jose.util.health.HealthReportListener;
import com.nimbusds.jose.util.health.HealthStatus;

import java.util.List;
import java.util.function.Function;

/**
 * A remote issuer's key source that tells an unknown {@code kid} from an outage. Nimbus's {@link JWKSourceBuilder}
 * puts its refetch rate limiter above the outage-tolerant source, so once the limit is reached a request gets a
 * {@link RateLimitReachedException} whether the last fetch found no such key or failed. Nimbus's health reports (from
 * just below the limiter) say which: after a healthy fetch the rate-limit hit becomes an {@link UnknownKeyException}
 * (401); after a failed one a {@link JWKSetUnavailableException} (503), so that an endpoint that is down with nothing
 * cached is a 503 for every request, not only for the first fetches of each window.
 */
final class OutageAwareJWKSource implements JWKSource<SecurityContext>,
        HealthReportListener<JWKSetSourceWithHealthStatusReporting<SecurityContext>, SecurityContext> {

    private final String issuerName;
    private final JWKSource<SecurityContext> delegate;
    private volatile boolean healthy = true;

    /**
     * @param wrap puts a layer over the JWK set source Nimbus built (its cache), e.g.
     *             {@link CacheControlledJWKSetSource}
     */
    OutageAwareJWKSource(String issuerName, JWKSourceBuilder<SecurityContext> builder,
                         Function<JWKSetSource<SecurityContext>, JWKSource<SecurityContext>> wrap) {
        this.issuerName = issuerName;
        JWKSource<SecurityContext> built = builder.healthReporting(this).build();
        if (!(built instanceof JWKSetBasedJWKSource<SecurityContext> based)) {
            throw new IllegalStateException("unexpected Nimbus JWK source " + built.getClass().getName());
        }
        this.delegate = wrap.apply(based.getJWKSetSource());
    }

    @Override
    public void notify(HealthReport<JWKSetSourceWithHealthStatusReporting<SecurityContext>, SecurityContext> report) {
        healthy = report.getHealthStatus() == HealthStatus.HEALTHY;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        try {
            return delegate.get(selector, context);
        } catch (KeySourceException e) {
            if (!rateLimited(e)) {
                throw e;
            }
            if (healthy) {
                throw new UnknownKeyException();
            }
            throw new JWKSetUnavailableException("the last fetch of the JWKS of issuer " + issuerName
                    + " failed and refetching is rate-limited");
        }
    }

    /** Whether Nimbus's rate limiter refused a fetch somewhere in the cause chain. */
    private static boolean rateLimited(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RateLimitReachedException) {
                return true;
            }
        }
        return false;
    }
}

package dev.latchkey.auth.introspection;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * At most {@link IntrospectionSettings#maxConcurrent()} requests to the introspection endpoint in flight: a slow or
 * hanging authorization server must not take every request thread of this one with it (each request waits up to the
 * read time-out). A look-up beyond the bound is not queued: it is answered 503 at once, with {@code Retry-After}
 * (RFC 9110 §10.2.3), our dependency being busy. It wraps the client inside the cache, so concurrent look-ups of one
 * token (which share one request) take one permit.
 */
final class IntrospectionLimit implements Function<String, IntrospectedToken> {

    /** Seconds a client should wait: requests in flight end within the read time-out, most much sooner. */
    static final String RETRY_AFTER = "1";

    private final Semaphore permits;
    private final Function<String, IntrospectedToken> client;

    IntrospectionLimit(int maxConcurrent, Function<String, IntrospectedToken> client) {
        this.permits = new Semaphore(maxConcurrent);
        this.client = client;
    }

    /** @throws AuthenticationFailure 503 when {@code maxConcurrent} requests are in flight */
    @Override
    public IntrospectedToken apply(String token) {
        if (!permits.tryAcquire()) {
            throw new AuthenticationFailure(AuthError.unavailable("too many token introspections in flight",
                    "introspection_busy").withHeaders(Map.of("Retry-After", RETRY_AFTER)));
        }
        try {
            return client.apply(token);
        } finally {
            permits.release();
        }
    }
}

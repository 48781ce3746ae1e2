package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.jwk.RSAKey;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.jwt.fixtures.Tokens;
import dev.latchkey.auth.jwt.fixtures.Verifiers;
import dev.latchkey.auth.jwt.validation.JwtVerifier;
import dev.latchkey.test.jwt.JwksServer;
import dev.latchkey.test.jwt.TestKeys;
import dev.latchkey.test.jwt.TokenBuilder;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static dev.latchkey.auth.jwt.fixtures.Verifiers.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lifetime of a fetched key set follows the response's {@code Cache-Control} (RFC 9111 §5.2.2), bounded by
 * {@code latchkey.jwt.jwks.min-cache-ttl} and {@code max-cache-ttl}; the clock that decides it is the verifier's.
 */
class CacheControlTest {

    private final RSAKey key = TestKeys.rsa("cc-1");
    private final MutableClock clock = new MutableClock(Tokens.NOW);
    private JwksServer server;

    @BeforeEach
    void start() throws IOException {
        server = new JwksServer().publish(key.toPublicJWK());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JwtVerifier verifier(String... more) {
        Map<String, String> p = new HashMap<>();
        p.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        p.put("mp.jwt.verify.publickey.location", server.url());
        p.put("latchkey.jwt.cache.max-size", "0");
        p.put("latchkey.jwt.jwks.min-refetch-interval", "PT0.001S");
        p.put("latchkey.jwt.jwks.min-cache-ttl", "PT10S");
        for (int i = 0; i + 1 < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return Verifiers.verifier(p, clock);
    }

    /** Verifies a token after moving the clock (token times move with it, so only the key set can age). */
    private void verifyAfter(JwtVerifier v, Duration elapsed) {
        clock.advance(elapsed);
        TokenBuilder t = Tokens.signedBy(key).claims(b -> b
                .issueTime(java.util.Date.from(clock.instant()))
                .expirationTime(java.util.Date.from(clock.instant().plusSeconds(300))));
        assertEquals("alice", v.verify(t.sign(), null).claims().getSubject());
    }

    @Test
    void whenMaxAgeGivenThenKeySetRefetchedOnlyAfterIt() {
        server.cacheControl("public, max-age=60");
        JwtVerifier v = verifier();
        verifyAfter(v, Duration.ZERO);
        verifyAfter(v, Duration.ofSeconds(59));
        assertEquals(1, server.requests(), "fresh for 60 s");
        verifyAfter(v, Duration.ofSeconds(2));
        assertEquals(2, server.requests(), "refetched once max-age passed");
        verifyAfter(v, Duration.ofSeconds(30));
        assertEquals(2, server.requests(), "the refetched set is fresh again");
    }

    @Test
    void whenNoCacheControlThenCacheTtlApplies() {
        JwtVerifier v = verifier("latchkey.jwt.jwks.cache-ttl", "PT2M");
        verifyAfter(v, Duration.ZERO);
        verifyAfter(v, Duration.ofSeconds(110));
        assertEquals(1, server.requests());
        verifyAfter(v, Duration.ofSeconds(20));
        assertEquals(2, server.requests());
    }

    @Test
    void whenNoStoreThenMinimumLifetime() {
        server.cacheControl("no-store");
        JwtVerifier v = verifier();
        verifyAfter(v, Duration.ZERO);
        verifyAfter(v, Duration.ofSeconds(5));
        assertEquals(1, server.requests(), "never refetched more often than min-cache-ttl");
        verifyAfter(v, Duration.ofSeconds(6));
        assertEquals(2, server.requests());
    }

    @Test
    void whenMaxAgeBeyondMaximumThenCapped() {
        server.cacheControl("max-age=86400");
        JwtVerifier v = verifier("latchkey.jwt.jwks.max-cache-ttl", "PT10M");
        verifyAfter(v, Duration.ZERO);
        verifyAfter(v, Duration.ofMinutes(9));
        assertEquals(1, server.requests());
        verifyAfter(v, Duration.ofMinutes(2));
        assertEquals(2, server.requests());
    }

    @Test
    void whenRefreshFailsThenCachedKeysServeAndRefetchBacksOff() {
        server.cacheControl("max-age=60");
        JwtVerifier v = verifier("latchkey.jwt.jwks.retry", "false");
        verifyAfter(v, Duration.ZERO);
        server.down(true);
        verifyAfter(v, Duration.ofSeconds(61));
        int afterFailure = server.requests();
        assertEquals(2, afterFailure, "one refresh attempted");
        for (int i = 0; i < 5; i++) {
            verifyAfter(v, Duration.ZERO);
        }
        assertEquals(afterFailure, server.requests(), "no refetch per request while backing off");
    }

    @Test
    void whenCacheControlSpansSeveralLinesThenAllAreRead() {
        server.cacheControl("s-maxage=30", "max-age=60");
        JwtVerifier v = verifier();
        verifyAfter(v, Duration.ZERO);
        verifyAfter(v, Duration.ofSeconds(31));
        assertEquals(2, server.requests(), "the smaller s-maxage of the first line applies");
    }

    @Test
    void whenOutageToleranceIsZeroThenExpiredKeysAreNotServed() {
        server.cacheControl("max-age=60");
        JwtVerifier v = verifier("latchkey.jwt.jwks.retry", "false", "latchkey.jwt.jwks.outage-tolerance", "PT0S");
        verifyAfter(v, Duration.ZERO);
        server.down(true);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(61));
            AuthError e = failure(() -> v.verify(Tokens.signedBy(key).claims(b -> b
                    .issueTime(java.util.Date.from(clock.instant()))
                    .expirationTime(java.util.Date.from(clock.instant().plusSeconds(300)))).sign(), null));
            assertEquals(503, e.status(), "attempt " + i);
        }
        server.down(false);
        verifyAfter(v, Duration.ofSeconds(1));
    }

    @Test
    void whenCacheControlParsedThenMaxAgeSMaxAgeAndNoStoreUnderstood() {
        assertEquals(Optional.of(Duration.ofSeconds(60)), CacheControlRetriever.maxAge("public, max-age=60"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), CacheControlRetriever.maxAge("max-age=60, s-maxage=30"));
        assertEquals(Optional.of(Duration.ofSeconds(7)), CacheControlRetriever.maxAge("MAX-AGE=\"7\""));
        assertEquals(Optional.of(Duration.ZERO), CacheControlRetriever.maxAge("max-age=60, no-store"));
        assertEquals(Optional.of(Duration.ZERO), CacheControlRetriever.maxAge("no-cache"));
        assertEquals(Optional.empty(), CacheControlRetriever.maxAge("private"));
        assertEquals(Optional.empty(), CacheControlRetriever.maxAge("max-age=soon"));
        assertEquals(Optional.empty(), CacheControlRetriever.maxAge("max-age=-1"));
        assertEquals(Optional.empty(), CacheControlRetriever.maxAge(null));
    }
}

package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.jwt.config.JwtSettings;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import dev.latchkey.auth.jwt.fixtures.Tokens;
import dev.latchkey.auth.jwt.revocation.InMemoryJtiDenylist;
import dev.latchkey.auth.jwt.revocation.JtiDenylist;
import dev.latchkey.test.jwt.TestKeys;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static dev.latchkey.auth.jwt.fixtures.Verifiers.assertRejected;
import static dev.latchkey.auth.jwt.fixtures.Verifiers.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A failing dependency (key source, denylist) is our fault: 503, never a 401 blaming the caller, never a 500. */
class DependencyFailureTest {

    private final RSAKey rsa = TestKeys.rsa("rsa-1");
    private final MutableClock clock = new MutableClock(Tokens.NOW);
    private final JwtSettings settings = TestConfig.settings(TestConfig.single(rsa.toPublicJWK().toJSONString()));

    private JwtVerifier verifier(JWKSource<SecurityContext> keys, JtiDenylist denylist) {
        return new JwtVerifier(settings, denylist, clock, issuer -> keys);
    }

    private static void assertUnavailable(AuthError e) {
        assertEquals(503, e.status());
        assertEquals("jwks_unavailable", e.reason());
    }

    @Test
    void whenKeySourceThrowsRuntimeExceptionThen503() {
        JWKSource<SecurityContext> broken = (selector, context) -> {
            throw new IllegalStateException("bug in a key source");
        };
        JwtVerifier v = verifier(broken, InMemoryJtiDenylist.of(Clock.systemUTC()));
        assertUnavailable(failure(() -> v.verify(Tokens.signedBy(rsa).sign(), null)));
    }

    @Test
    void whenKeySourceFailsThen503() {
        JWKSource<SecurityContext> down = (selector, context) -> {
            throw new KeySourceException("connection refused");
        };
        JwtVerifier v = verifier(down, InMemoryJtiDenylist.of(Clock.systemUTC()));
        assertUnavailable(failure(() -> v.verify(Tokens.signedBy(rsa).sign(), null)));
    }

    @Test
    void whenKeySourceHasNoMatchingKeyThenUnknownKey() {
        JwtVerifier v = verifier(new ImmutableJWKSet<>(new JWKSet(TestKeys.rsa("other").toPublicJWK())),
                InMemoryJtiDenylist.of(Clock.systemUTC()));
        assertRejected(JwtRejection.UNKNOWN_KEY, () -> v.verify(Tokens.signedBy(rsa).sign(), null));
    }

    @Test
    void whenDenylistThrowsRuntimeExceptionThen503EvenFromCache() {
        boolean[] broken = {false};
        JtiDenylist denylist = new JtiDenylist() {
            @Override
            public boolean isRevoked(String issuer, String jti) {
                if (broken[0]) {
                    throw new IllegalStateException("store down");
                }
                return false;
            }

            @Override
            public void revoke(String issuer, String jti, Instant expiresAt) {
            }
        };
        JwtVerifier v = verifier(new ImmutableJWKSet<>(new JWKSet(rsa.toPublicJWK())), denylist);
        String token = Tokens.signedBy(rsa).sign();
        v.verify(token, null);
        broken[0] = true;
        AuthError e = failure(() -> v.verify(token, null));
        assertEquals(503, e.status());
        assertEquals("temporarily_unavailable", e.error());
    }
}

package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import dev.latchkey.auth.jwt.fixtures.Tokens;
import dev.latchkey.auth.jwt.fixtures.Verifiers;
import dev.latchkey.auth.jwt.validation.JwtRejection;
import dev.latchkey.auth.jwt.validation.JwtVerifier;
import dev.latchkey.test.jwt.JwksServer;
import dev.latchkey.test.jwt.TestKeys;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static dev.latchkey.auth.jwt.fixtures.Verifiers.assertRejected;
import static dev.latchkey.auth.jwt.fixtures.Verifiers.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A remote JWKS endpoint through Nimbus's JWKSourceBuilder, against an in-process server. */
class RemoteJwksTest {

    private final RSAKey first = TestKeys.rsa("k1");
    private final RSAKey second = TestKeys.rsa("k2");
    private final MutableClock clock = new MutableClock(Tokens.NOW);
    private JwksServer server;

    @BeforeEach
    void start() throws IOException {
        server = new JwksServer().publish(first.toPublicJWK());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JwtVerifier verifier(String... more) {
        Map<String, String> p = new HashMap<>();
        p.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        p.put("mp.jwt.verify.audiences", Tokens.AUDIENCE);
        p.put("mp.jwt.verify.publickey.location", server.url());
        p.put("latchkey.jwt.cache.max-size", "0"); // every verification reaches the key source
        for (int i = 0; i + 1 < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return Verifiers.verifier(p, clock);
    }

    @Test
    void whenVerifierIsBuiltThenNothingIsFetchedUntilFirstUse() {
        JwtVerifier v = verifier();
        assertEquals(0, server.requests());
        assertEquals("alice", v.verify(Tokens.signedBy(first).sign(), null).claims().getSubject());
        assertEquals(1, server.requests());
        v.verify(Tokens.signedBy(first).sign(), null);
        assertEquals(1, server.requests(), "served from Nimbus's cache");
    }

    @Test
    void whenIssuerRotatesToNewKidThenPickedUpWithoutRestart() {
        JwtVerifier v = verifier("latchkey.jwt.jwks.min-refetch-interval", "PT0.001S");
        v.verify(Tokens.signedBy(first).sign(), null);
        server.publish(first.toPublicJWK(), second.toPublicJWK());
        assertEquals("alice", v.verify(Tokens.signedBy(second).sign(), null).claims().getSubject());
        assertEquals(2, server.requests(), "an unknown kid triggers one refetch");
    }

    @Test
    void whenEndpointGoesDownAfterCacheExpiryThenCachedKeysKeepWorking() {
        JwtVerifier v = verifier("latchkey.jwt.jwks.cache-ttl", "PT0.3S", "latchkey.jwt.jwks.refresh-ahead", "PT0S",
                "latchkey.jwt.jwks.refresh-timeout", "PT0.1S", "latchkey.jwt.jwks.min-refetch-interval", "PT0.001S");
        v.verify(Tokens.signedBy(first).sign(), null);
        server.down(true);
        clock.advance(java.time.Duration.ofSeconds(1)); // the key set's lifetime has passed: a refresh is due
        assertEquals("alice", v.verify(Tokens.signedBy(first).sign(), null).claims().getSubject());
        assertTrue(server.requests() >= 2, "a refresh was attempted and failed");
    }

    @Test
    void whenUnknownKidStormThenAtMostOneFetchPerWindow() {
        JwtVerifier v = verifier();
        v.verify(Tokens.signedBy(first).sign(), null);
        assertEquals(1, server.requests());
        for (int i = 0; i < 50; i++) {
            RSAKey random = new RSAKey.Builder(first).keyID("storm-" + i).build();
            assertRejected(JwtRejection.UNKNOWN_KEY, () -> v.verify(Tokens.signedBy(random).sign(), null));
        }
        assertTrue(server.requests() <= 2, "at most one refetch in the 30 s window, got " + (server.requests() - 1));
    }

    @Test
    void whenUnknownKidAfterSuccessfulRefreshThen401() {
        JwtVerifier v = verifier();
        String unknown = Tokens.signedBy(new RSAKey.Builder(second).keyID("nope").build()).sign();
        assertRejected(JwtRejection.UNKNOWN_KEY, () -> v.verify(unknown, null));
    }

    @Test
    void whenEndpointDownWithNothingCachedThen503() {
        server.down(true);
        JwtVerifier v = verifier();
        AuthError e = failure(() -> v.verify(Tokens.signedBy(first).sign(), null));
        assertEquals(503, e.status());
        assertEquals("temporarily_unavailable", e.error());
        assertEquals("jwks_unavailable", e.reason());
    }

    @Test
    void whenEndpointDownWithNothingCachedThenEveryRequestIs503NotOnlyTheFirstFetches() {
        server.down(true);
        JwtVerifier v = verifier();
        for (int i = 0; i < 10; i++) {
            AuthError e = failure(() -> v.verify(Tokens.signedBy(first).sign(), null));
            assertEquals(503, e.status(), "request " + i + ": " + e.reason());
        }
    }

    @Test
    void whenEndpointServesGarbageWithNothingCachedThen503() {
        server.publishRaw("<html>oops</html>");
        AuthError e = failure(() -> verifier().verify(Tokens.signedBy(first).sign(), null));
        assertEquals(503, e.status());
    }

    @Test
    void whenRemoteSetHasUnusableKeysThenOnlyThoseAreDropped() {
        RSAKey weak = new RSAKey.Builder(TestKeys.rsa("weak", 1024)).build();
        RSAKey encryption = new RSAKey.Builder(second).keyUse(KeyUse.ENCRYPTION).build();
        ECKey ec = TestKeys.ec("ec-ok");
        server.publish(first.toPublicJWK(), weak.toPublicJWK(), encryption.toPublicJWK(), ec.toPublicJWK(),
                TestKeys.rsa("private-in-jwks"));
        JwtVerifier v = verifier();
        assertEquals("alice", v.verify(Tokens.signedBy(first).sign(), null).claims().getSubject());
        assertEquals("alice", v.verify(Tokens.signedBy(ec).sign(), null).claims().getSubject());
        assertRejected(JwtRejection.UNKNOWN_KEY, () -> v.verify(Tokens.signedBy(weak).sign(), null));
        assertRejected(JwtRejection.UNKNOWN_KEY, () -> v.verify(Tokens.signedBy(encryption).sign(), null));
        assertRejected(JwtRejection.UNKNOWN_KEY, () -> v.verify(Tokens.signedBy(TestKeys.rsa("private-in-jwks")).sign(), null));
    }

    @Test
    void whenRemoteSetHasKeyWithoutKidThenNewKidStillTriggersRefetch() {
        RSAKey kidless = new RSAKey.Builder(first.toPublicJWK()).keyID(null).build();
        server.publish(kidless);
        JwtVerifier v = verifier("latchkey.jwt.jwks.min-refetch-interval", "PT0.001S");
        assertEquals("alice", v.verify(Tokens.signedBy(first).sign(), null).claims().getSubject(),
                "a key without kid matches any kid");
        int before = server.requests();
        server.publish(kidless, second.toPublicJWK());
        assertEquals("alice", v.verify(Tokens.signedBy(second).sign(), null).claims().getSubject(),
                "the rotated key is fetched although the cached set has a key without kid");
        assertEquals(before + 1, server.requests(), "one refetch for the unknown kid");
    }
}

package dev.latchkey.tck;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Remote JWKS over real HTTP: the WAR fetches its issuers' keys from an in-process JWKS server that counts every
 * request. Each scenario has its own issuer (and so its own cache and rate limiter) on its own path; the cache
 * lifetime and refetch window are short (4 s, 2 s) so that expiry and outage tolerance can be exercised.
 */
@ExtendWith(ArquillianExtension.class)
class JwksOverHttpTest {

    private static final String ROTATION = "https://rotation.jwks.test";
    private static final String OUTAGE = "https://outage.jwks.test";
    private static final String DOWN = "https://down.jwks.test";
    private static final String REFUSED = "https://refused.jwks.test";
    private static final String STORM = "https://storm.jwks.test";
    private static final long CACHE_TTL_MILLIS = 4_000;
    private static final long WINDOW_MILLIS = 2_000;

    private static final CountingServer SERVER = CountingServer.start();
    private static final RSAKey R1 = JoseKit.rsa("rotation-1");
    private static final RSAKey R2 = JoseKit.rsa("rotation-2");
    private static final RSAKey O1 = JoseKit.rsa("outage-1");
    private static final RSAKey D1 = JoseKit.rsa("down-1");
    private static final RSAKey S1 = JoseKit.rsa("storm-1");

    static {
        SERVER.serveJson("/jwks.json", JoseKit.jwks(R1));
        SERVER.serveJson("/outage/jwks.json", JoseKit.jwks(O1));
        SERVER.serve("/down/jwks.json", 503, "text/plain", "down for maintenance");
        SERVER.serveJson("/storm/jwks.json", JoseKit.jwks(S1));
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("jwks-http", Map.ofEntries(
                        Map.entry("latchkey.mechanisms", "jwt"),
                        // The kid storm sends hundreds of unknown-kid tokens from 127.0.0.1: the per-network
                        // failed-attempt limit (tested in auth-jetty) is raised so that every one reaches the key set.
                        Map.entry("latchkey.failed-attempts.limit", "1000000"),
                        Map.entry("mp.jwt.verify.issuer", ROTATION),
                        Map.entry("mp.jwt.verify.publickey.location", SERVER.url("/jwks.json")),
                        issuer("outage", OUTAGE), Map.entry("latchkey.jwt.issuers.outage.publickey.location",
                                SERVER.url("/outage/jwks.json")),
                        issuer("down", DOWN), Map.entry("latchkey.jwt.issuers.down.publickey.location",
                                SERVER.url("/down/jwks.json")),
                        issuer("refused", REFUSED), Map.entry("latchkey.jwt.issuers.refused.publickey.location",
                                "http://127.0.0.1:" + CountingServer.closedPort() + "/jwks.json"),
                        issuer("storm", STORM), Map.entry("latchkey.jwt.issuers.storm.publickey.location",
                                SERVER.url("/storm/jwks.json")),
                        Map.entry("latchkey.jwt.jwks.cache-ttl", "PT4S"),
                        Map.entry("latchkey.jwt.jwks.refresh-timeout", "PT1S"),
                        Map.entry("latchkey.jwt.jwks.refresh-ahead", "PT1S"),
                        Map.entry("latchkey.jwt.jwks.min-refetch-interval", "PT2S"),
                        Map.entry("latchkey.jwt.jwks.connect-timeout", "PT1S"),
                        Map.entry("latchkey.jwt.jwks.read-timeout", "PT1S")),
                "FixtureApplication", "FixtureResource");
    }

    private static Map.Entry<String, String> issuer(String name, String iss) {
        return Map.entry("latchkey.jwt.issuers." + name + ".issuer", iss);
    }

    @ArquillianResource
    URL base;

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    private static String token(RSAKey key, String issuer) {
        return JoseKit.sign(key, JWSAlgorithm.RS256, h -> h, JoseKit.claims(issuer, "any").build());
    }

    private HttpResponse<String> call(String token) {
        return Http.get(base, "/api/protected", "Authorization", "Bearer " + token);
    }

    private void assertAccepted(String token) {
        HttpResponse<String> response = call(token);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("alice admin=false", response.body());
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("")
                .startsWith("Bearer realm=\"api\", error=\"invalid_token\""), response.headers().map().toString());
        assertTrue(response.body().contains("\"error\":\"invalid_token\""), response.body());
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("\"error\":\"temporarily_unavailable\""), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").isEmpty(),
                "a 503 is our failure, not a challenge to the client");
        assertTrue(response.headers().firstValue("Retry-After").isPresent(), response.headers().map().toString());
    }

    @Test
    void whenIssuerRotatesToANewKidThenItIsAcceptedWithoutRestart() {
        assertAccepted(token(R1, ROTATION));
        int fetches = SERVER.hits("/jwks.json");
        assertTrue(fetches >= 1, "the first use fetched the JWKS");

        SERVER.serveJson("/jwks.json", JoseKit.jwks(R2)); // the issuer rotates: rotation-1 retired
        assertAccepted(token(R2, ROTATION));
        assertTrue(SERVER.hits("/jwks.json") > fetches, "the unknown kid made the server refetch");
        assertInvalidToken(call(token(R1, ROTATION)));
    }

    @Test
    void whenEndpointGoesDownThenCachedKeysStillAuthenticate() throws InterruptedException {
        assertAccepted(token(O1, OUTAGE));
        SERVER.serve("/outage/jwks.json", 500, "text/plain", "internal error");
        try {
            assertAccepted(token(O1, OUTAGE)); // within the cache lifetime

            Thread.sleep(CACHE_TTL_MILLIS + 500); // the cached set expires: the next use must refetch, and fails
            int before = SERVER.hits("/outage/jwks.json");
            assertAccepted(token(O1, OUTAGE)); // outage tolerance: the last good set still serves
            assertTrue(SERVER.hits("/outage/jwks.json") > before, "the expired set was refetched (and failed)");
            assertAccepted(token(O1, OUTAGE));
        } finally {
            SERVER.serveJson("/outage/jwks.json", JoseKit.jwks(O1));
        }
    }

    @Test
    void whenEndpointDownWithNothingCachedThen503NeverAnInvalidToken() throws InterruptedException {
        for (int i = 0; i < 10; i++) { // past the first fetches of the window too: rate-limited requests stay 503
            assertUnavailable(call(token(D1, DOWN)));
            assertUnavailable(call(token(D1, REFUSED)));
        }
        assertTrue(SERVER.hits("/down/jwks.json") >= 1);

        SERVER.serveJson("/down/jwks.json", JoseKit.jwks(D1)); // the endpoint comes back
        Thread.sleep(WINDOW_MILLIS + 500);
        assertAccepted(token(D1, DOWN));
    }

    @Test
    void whenStormOfUnknownKidsThenAtMostTwoFetchesPerRateLimitWindow() throws Exception {
        long start = System.nanoTime();
        assertAccepted(token(S1, STORM));
        int afterFirstUse = SERVER.hits("/storm/jwks.json");

        RSAKey stranger = JoseKit.rsa("unused");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tokens.add(token(new RSAKey.Builder(stranger).keyID("storm-" + UUID.randomUUID()).build(), STORM));
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String token : tokens) {
                answers.add(pool.submit(() -> call(token)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertInvalidToken(answer.get());
            }
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        int fetches = SERVER.hits("/storm/jwks.json");
        long windows = 1 + elapsedMillis / WINDOW_MILLIS;
        System.out.printf("JwksOverHttpTest storm: 50 unknown kids, %d JWKS fetch(es) (%d for the first use) in %d ms"
                + " (%d window(s) of %d ms)%n", fetches, afterFirstUse, elapsedMillis, windows, WINDOW_MILLIS);
        // Nimbus's RateLimitedJWKSetSource allows two fetches per window (one kept for a legitimate rotation)
        assertTrue(fetches <= 2 * windows, fetches + " fetches in " + windows + " window(s)");
        assertAccepted(token(S1, STORM)); // the storm did not evict the good key
    }
}

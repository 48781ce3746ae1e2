package dev.latchkey.tck;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fixture shared by the attack suites: a counting server that serves the issuer's JWKS (the WAR's
 * {@code mp.jwt.verify.publickey.location}) and the attacker's documents ({@code jku}, {@code x5u} targets), the
 * attack tokens, the checks every refusal must pass, and the replay that times each attack (measured, never
 * asserted).
 */
public final class AttackHarness implements AutoCloseable {

    public static final String JWKS = "/jwks.json";
    public static final String ATTACKER_JWKS = "/attacker/jwks.json";
    public static final String ATTACKER_CERT = "/attacker/cert.pem";
    public static final int REPEAT = 20;
    /** Nimbus's rate limiter allows two fetches per window (latchkey.jwt.jwks.min-refetch-interval, default 30 s). */
    private static final long WINDOW_NANOS = 30_000_000_000L;

    private record Attack(Supplier<String> token, Consumer<HttpResponse<String>> check) {
    }

    public final AttackTokens tokens = new AttackTokens();
    public final CountingServer server = CountingServer.start();
    private final Map<String, Attack> attacks = new ConcurrentHashMap<>();
    private final LatencyLog latency;
    private final long started = System.nanoTime();

    public AttackHarness(String title) {
        latency = new LatencyLog(title + ": latency per request over HTTP");
        server.serveJson(JWKS, JoseKit.jwks(tokens.rsa, tokens.ec));
        server.serveJson(ATTACKER_JWKS, JoseKit.jwks(tokens.attacker));
        server.serve(ATTACKER_CERT, 200, "application/pem-certificate-chain", tokens.certificate.pem());
    }

    /**
     * The WAR's configuration: remote JWKS, {@code typ} required, a size bound below Jetty's 8 KiB header limit. The
     * suites send hundreds of bad tokens from 127.0.0.1 within a minute; the per-network failed-attempt limit (its own
     * tests are {@code FailedAttemptsHttpTest} and {@code FailedAttemptChainTest}) is raised so that every attack
     * reaches the verifier.
     */
    public Map<String, String> config() {
        return Map.of(
                "latchkey.mechanisms", "jwt",
                "latchkey.failed-attempts.limit", "1000000",
                "mp.jwt.verify.issuer", AttackTokens.ISSUER,
                "mp.jwt.verify.audiences", AttackTokens.AUDIENCE,
                "mp.jwt.verify.publickey.location", server.url(JWKS),
                "latchkey.jwt.typ", AttackTokens.TYP,
                "latchkey.jwt.max-token-bytes", "4096");
    }

    public static HttpResponse<String> send(URL base, String token) {
        return Http.get(base, "/api/protected", "Authorization", "Bearer " + token);
    }

    /** Sends the token once, checks the answer and that nothing was fetched, and keeps it for {@link #replay}. */
    public void attack(URL base, String name, Supplier<String> token, Consumer<HttpResponse<String>> check) {
        check.accept(send(base, token.get()));
        assertNoOutboundCall(name);
        attacks.put(name, new Attack(token, check));
    }

    /** The answer must be 401 invalid_token, with {@code description} when it is not null. */
    public void refused(URL base, String name, String token, String description) {
        attack(base, name, () -> token, response -> assertInvalidToken(name, response, description));
    }

    public void refused(URL base, String name, String token) {
        refused(base, name, token, null);
    }

    /** Every attack once more as warm-up, then {@value #REPEAT} interleaved timed rounds, each answer checked again. */
    public void replay(URL base) {
        Map<String, Attack> sorted = new TreeMap<>(attacks);
        sorted.forEach((name, a) -> a.check().accept(send(base, a.token().get())));
        for (int round = 0; round < REPEAT; round++) {
            sorted.forEach((name, a) -> {
                String token = a.token().get();
                long start = System.nanoTime();
                HttpResponse<String> response = send(base, token);
                latency.record(name, System.nanoTime() - start);
                a.check().accept(response);
            });
        }
        assertNoOutboundCall("replay");
        assertJwksFetchesRateLimited();
    }

    public static void assertInvalidToken(String name, HttpResponse<String> response, String description) {
        assertEquals(401, response.statusCode(), name + ": " + response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer realm=\"api\", error=\"invalid_token\""), name + ": " + challenge);
        if (description != null) {
            assertTrue(challenge.endsWith("error_description=\"" + description + "\""), name + ": " + challenge);
        }
        assertProblem(name, response, "invalid_token");
    }

    /** An RFC 9457 body with the error code and the status. */
    public static void assertProblem(String name, HttpResponse<String> response, String error) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                name + ": " + response.headers().map());
        assertTrue(response.body().contains("\"error\":\"" + error + "\""), name + ": " + response.body());
        assertTrue(response.body().contains("\"status\":" + response.statusCode()), name + ": " + response.body());
    }

    /** Nothing but the configured JWKS was ever requested: no token header made the server call out. */
    public void assertNoOutboundCall(String name) {
        assertEquals(server.hits(JWKS), server.totalHits(), name + ": the server fetched a URL named by a token");
    }

    /** At most two JWKS fetches per rate-limit window since the harness started, whatever the kids sent. */
    public void assertJwksFetchesRateLimited() {
        long windows = 1 + (System.nanoTime() - started) / WINDOW_NANOS;
        assertTrue(server.hits(JWKS) <= 2 * windows, server.hits(JWKS) + " JWKS fetches in " + windows + " window(s)");
    }

    /** Stops the server and prints the latency table (also written to {@code target/<latencyFile>}). */
    public void close(String latencyFile) {
        server.close();
        latency.report(latencyFile);
    }

    @Override
    public void close() {
        server.close();
    }
}

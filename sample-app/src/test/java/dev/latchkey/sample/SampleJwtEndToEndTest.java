package dev.latchkey.sample;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.sample.fixtures.CapturedIo;
import dev.latchkey.sample.fixtures.RunningSample;
import dev.latchkey.sample.jwt.DevSigningKey;
import dev.latchkey.test.http.Http;
import dev.latchkey.test.log.LogCapture;
import dev.latchkey.test.pki.SslContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The JWT demo as a user runs it: the server generates its signing key and serves {@code /.well-known/jwks.json};
 * tokens come from the {@code token} command; the server verifies them with the keys it fetches from its own JWKS
 * URL over HTTP. Nothing secret (tokens, the private key) reaches a log line.
 */
class SampleJwtEndToEndTest {

    private static final Set<String> PUBLIC_RSA_MEMBERS = Set.of("kty", "kid", "use", "alg", "n", "e");

    @TempDir
    static Path dir;
    private static LogCapture logs;
    private static RunningSample sample;
    private static final List<String> secrets = new ArrayList<>();
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        logs = LogCapture.everything();
        sample = RunningSample.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (sample != null) {
                sample.close();
            }
        } finally {
            logs.close();
        }
    }

    @Test
    void whenTokenMintedByCliThenOneVerifiableRs256JwtWithTheSampleClaims() throws Exception {
        CapturedIo minted = sample.cli(null, "token", "--sub", "alice", "--scope", "orders:read orders:write",
                "--groups", "ops,admin");
        String token = token(minted);
        assertEquals("", minted.err()); // the server generated the key: no note

        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey published = (RSAKey) JWKSet.parse(get("/.well-known/jwks.json").body()).getKeys().get(0);
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals(published.computeThumbprint().toString(), jwt.getHeader().getKeyID()); // RFC 7638 kid
        assertTrue(jwt.verify(new RSASSAVerifier(published)));

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("https://sample.latchkey.test", claims.getIssuer());
        assertEquals(List.of("latchkey-sample-api"), claims.getAudience());
        assertEquals("alice", claims.getSubject());
        assertEquals("orders:read orders:write", claims.getStringClaim("scope"));
        assertEquals(List.of("ops", "admin"), claims.getStringListClaim("groups"));
        assertFalse(claims.getJWTID().isBlank());
        assertEquals(15 * 60, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
    }

    @Test
    void whenJwksFetchedOverHttpAndHttpsThenOnlyPublicMembersWithCacheControl() throws Exception {
        HttpClient tls = Http.client(SslContexts.trusting(null,
                SslContexts.readCertificate(sample.certs().resolve("ca.pem"))));
        for (HttpResponse<String> response : List.of(get("/.well-known/jwks.json"),
                tls.send(request(sample.https() + "/.well-known/jwks.json").build(),
                        HttpResponse.BodyHandlers.ofString()))) {
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("application/jwk-set+json", response.headers().firstValue("Content-Type").orElse(""));
            assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("max-age=300"));
            List<Object> keys = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(response.body()), "keys");
            assertEquals(1, keys.size(), response.body());
            @SuppressWarnings("unchecked")
            Map<String, Object> key = (Map<String, Object>) keys.get(0);
            assertTrue(PUBLIC_RSA_MEMBERS.containsAll(key.keySet()), key.keySet().toString());
            assertTrue(RSAKey.parse(key).size() >= 2048);
        }
    }

    @Test
    void whenMintedTokenCallsOrdersThen200AndWithoutScope403() throws Exception {
        String reader = token(sample.cli(null, "token", "--sub", "alice", "--scope", "orders:read"));
        HttpResponse<String> ok = get("/api/orders", "Bearer " + reader);
        assertEquals(200, ok.statusCode(), ok.body());

        String noScope = token(sample.cli(null, "token", "--sub", "bob"));
        HttpResponse<String> forbidden = get("/api/orders", "Bearer " + noScope);
        assertEquals(403, forbidden.statusCode(), forbidden.body());
        assertTrue(challenge(forbidden).contains("error=\"insufficient_scope\""), challenge(forbidden));

        HttpResponse<String> me = get("/api/me", "Bearer " + reader);
        assertTrue(me.body().contains("\"mechanism\":\"jwt\""), me.body());
    }

    @Test
    void whenTokenTamperedOrExpiredThen401InvalidToken() throws Exception {
        String token = token(sample.cli(null, "token", "--sub", "alice", "--scope", "orders:read"));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        String tampered = token.substring(0, token.lastIndexOf('.') + 1)
                + (signature.startsWith("AAAA") ? "BBBB" : "AAAA") + signature.substring(4);
        String expired = token(sample.cli(null, "token", "--sub", "alice", "--scope", "orders:read", "--expired"));
        secrets.add(tampered);
        for (String bad : List.of(tampered, expired)) {
            HttpResponse<String> rejected = get("/api/orders", "Bearer " + bad);
            assertEquals(401, rejected.statusCode(), rejected.body());
            assertTrue(challenge(rejected).startsWith("Bearer ") && challenge(rejected)
                    .contains("error=\"invalid_token\""), challenge(rejected));
        }
    }

    @Test
    void whenDPoPBoundTokenFromCliThen200WithAProofFromCliAnd401AsBearerOrReplayed() throws Exception {
        Path key = dir.resolve("client-dpop.jwk.json");
        String token = token(sample.cli(null, "token", "--sub", "dora", "--scope", "orders:read", "--dpop-key",
                key.toString()));
        String url = sample.http() + "/api/orders";
        String proof = sample.cli(null, "dpop-proof", "--key", key.toString(), "--url", url, "--token", token)
                .out().trim();
        secrets.add(proof);
        HttpRequest request = request(url).header("Authorization", "DPoP " + token).header("DPoP", proof).build();
        HttpResponse<String> ok = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("\"id\":\"1001\""), ok.body());
        HttpResponse<String> replayed = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(401, replayed.statusCode());
        assertTrue(challenge(replayed).startsWith("DPoP ") && challenge(replayed).contains("invalid_dpop_proof"),
                challenge(replayed));
        HttpResponse<String> asBearer = get("/api/orders", "Bearer " + token);
        assertEquals(401, asBearer.statusCode());
        assertTrue(challenge(asBearer).contains("DPoP-bound token must be sent with the DPoP scheme"),
                challenge(asBearer));
    }

    @Test
    void whenBearerApiKeyThenTheApiKeyAuthenticatorStillTakesIt() throws Exception {
        String key = sample.cli(null, "apikey", "create", "--name", "partner", "--scopes", "orders:read").line("key:");
        secrets.add(key);
        assertEquals(200, get("/api/orders", "Bearer " + key).statusCode());
    }

    @Test
    void whenKeyGeneratedThenPrivateKeyFileIsOwnerOnly() throws Exception {
        Path privateKey = sample.jwtDir().resolve(DevSigningKey.PRIVATE_KEY_FILE);
        assumeTrue(Files.getFileAttributeView(privateKey, PosixFileAttributeView.class) != null, "not POSIX");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
    }

    @Test
    void whenServerRanThenNoTokenOrPrivateKeyInAnyLogLineOrNote() throws Exception {
        // Self-contained: makes every kind of request it checks for (accepted, tampered, expired, API key as Bearer),
        // whatever order JUnit runs the other tests in; their secrets are checked too when they ran first.
        CapturedIo minted = sample.cli(null, "token", "--sub", "carol", "--scope", "orders:read");
        String valid = token(minted);
        assertEquals(200, get("/api/orders", "Bearer " + valid).statusCode());
        String signature = signatureOf(valid);
        String tampered = valid.substring(0, valid.lastIndexOf('.') + 1)
                + (signature.startsWith("AAAA") ? "BBBB" : "AAAA") + signature.substring(4);
        assertEquals(401, get("/api/orders", "Bearer " + tampered).statusCode());
        String expired = token(sample.cli(null, "token", "--sub", "carol", "--scope", "orders:read", "--expired"));
        assertEquals(401, get("/api/orders", "Bearer " + expired).statusCode());
        String key = sample.cli(null, "apikey", "create", "--name", "log-check", "--scopes", "orders:read")
                .line("key:");
        assertEquals(200, get("/api/orders", "Bearer " + key).statusCode());
        assertEquals(401, get("/api/orders", "Bearer " + key + "x").statusCode());

        RSAKey privateKey = DevSigningKey.ensure(sample.jwtDir()).privateKey();
        List<String> forbidden = new ArrayList<>(secrets);
        forbidden.addAll(List.of(valid, tampered, expired, key, signatureOf(tampered), signatureOf(expired)));
        forbidden.add(privateKey.getPrivateExponent().toString());
        forbidden.add(privateKey.getFirstPrimeFactor().toString());
        forbidden.add(signature);

        List<String> output = new ArrayList<>(logs.lines());
        output.addAll(sample.notes());
        output.add(minted.err());
        assertTrue(logs.lines().size() > 5, "log capture saw almost nothing");
        for (String secret : forbidden) {
            assertTrue(output.stream().noneMatch(line -> line.contains(secret)), "a secret reached the output");
        }
    }

    private static String token(CapturedIo minted) {
        List<String> lines = minted.out().lines().toList();
        assertEquals(1, lines.size(), "token prints exactly one line");
        secrets.add(lines.get(0));
        return lines.get(0);
    }

    private static String signatureOf(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    private static String challenge(HttpResponse<String> response) {
        return response.headers().firstValue("WWW-Authenticate").orElse("");
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return client.send(request(sample.http() + path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        return client.send(request(sample.http() + path).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

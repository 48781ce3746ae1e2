package dev.latchkey.auth.introspection;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.jose.util.Base64URL;
import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.test.time.MutableClock;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 7662 introspection against a real HTTP endpoint started by the test. */
class TokenIntrospectionTest {

    private static final String TOKEN = "opaque-2YotnFZFEjr1zCsicMWpAA";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final StubAuthorizationServer as = new StubAuthorizationServer();

    TokenIntrospectionTest() throws IOException {
    }

    @AfterEach
    void stop() {
        as.close();
    }

    private Map<String, String> basic(String... more) {
        Map<String, String> p = new HashMap<>();
        p.put(IntrospectionSettings.ENDPOINT, as.endpoint().toString());
        p.put(IntrospectionSettings.CLIENT_ID, "orders-api");
        p.put(IntrospectionSettings.CLIENT_SECRET, "s3cret:with/odd chars");
        for (int i = 0; i + 1 < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return p;
    }

    private static IntrospectionSettings settings(Map<String, String> properties) {
        return IntrospectionSettings.from(new ConfigReader(TestConfig.of(properties)));
    }

    private TokenIntrospector introspector(Map<String, String> properties) {
        IntrospectionSettings settings = settings(properties);
        return new TokenIntrospector(settings, new IntrospectionClient(settings)::introspect, clock);
    }

    private static String active(Instant exp) {
        return new TokenIntrospectionSuccessResponse.Builder(true)
                .scope(new Scope("orders:read", "orders:write"))
                .subject(new Subject("alice"))
                .clientID(new ClientID("web-app"))
                .expirationTime(Date.from(exp))
                .jwkThumbprintConfirmation(new JWKThumbprintConfirmation(new Base64URL("0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I")))
                .parameter("realm_access", Map.of("roles", List.of("admin", "user")))
                .parameter("acr", "urn:mace:incommon:iap:silver")
                .parameter("iss", "https://as.example.com/realms/demo")
                .build().toJSONObject().toJSONString();
    }

    private static AuthError refused(TokenIntrospector introspector) {
        return assertThrows(AuthenticationFailure.class, () -> introspector.check(TOKEN)).error();
    }

    @Test
    void whenClientSecretBasicThenActiveAnswerMappedToCaller() {
        as.respond(request -> StubAuthorizationServer.Answer.json(active(NOW.plusSeconds(600))));
        TokenIntrospector introspector = introspector(basic(IntrospectionSettings.GROUPS_CLAIM, "realm_access.roles"));
        IntrospectedToken token = introspector.check(TOKEN);
        StubAuthorizationServer.Received received = as.last();
        assertEquals(TOKEN, received.form().get("token"));
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                "orders-api:s3cret%3Awith%2Fodd+chars".getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, received.authorization()); // RFC 6749 §2.3.1: form-encoded, then Basic
        assertEquals(Set.of("orders:read", "orders:write"), token.scopes());
        assertEquals("0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I", token.jkt().orElseThrow());

        LatchkeyCaller caller = new IntrospectionCallerMapper(settings(basic(IntrospectionSettings.GROUPS_CLAIM,
                "realm_access.roles"))).map(token);
        assertEquals("alice", caller.getName());
        assertEquals("introspection", caller.mechanism());
        assertEquals(Set.of("admin", "user"), caller.groups());
        assertEquals(Set.of("orders:read", "orders:write"), caller.scopes());
        assertEquals("web-app", caller.attributes().get("client_id"));
        assertEquals("urn:mace:incommon:iap:silver", caller.attributes().get("acr"));
    }

    @Test
    void whenPrivateKeyJwtThenFreshSignedAssertionForEveryRequest(@TempDir Path dir) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("rs-1").generate();
        Path pem = dir.resolve("client.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                key.toPrivateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Map<String, String> p = basic(IntrospectionSettings.CLIENT_AUTH, "private_key_jwt",
                IntrospectionSettings.PRIVATE_KEY, pem.toString(), IntrospectionSettings.KEY_ID, "rs-1",
                IntrospectionSettings.ISSUER, "https://as.example.com/realms/demo",
                IntrospectionSettings.CACHE_TTL, "0", IntrospectionSettings.NEGATIVE_TTL, "0");
        p.remove(IntrospectionSettings.CLIENT_SECRET);
        as.respond(request -> {
            SignedJWT assertion = SignedJWT.parse(request.form().get("client_assertion"));
            boolean ok = request.authorization() == null
                    && "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
                    .equals(request.form().get("client_assertion_type"))
                    && assertion.verify(new RSASSAVerifier(key.toPublicJWK()))
                    && JWSAlgorithm.RS256.equals(assertion.getHeader().getAlgorithm())
                    && "rs-1".equals(assertion.getHeader().getKeyID())
                    && "orders-api".equals(assertion.getJWTClaimsSet().getIssuer())
                    && "orders-api".equals(assertion.getJWTClaimsSet().getSubject())
                    && assertion.getJWTClaimsSet().getAudience().equals(List.of("https://as.example.com/realms/demo"))
                    && assertion.getJWTClaimsSet().getJWTID() != null;
            return ok ? StubAuthorizationServer.Answer.json(active(NOW.plusSeconds(600)))
                    : new StubAuthorizationServer.Answer(401, "application/json", "{\"error\":\"invalid_client\"}");
        });
        TokenIntrospector introspector = introspector(p);
        introspector.check(TOKEN);
        String first = as.last().form().get("client_assertion");
        introspector.check(TOKEN);
        assertTrue(!first.equals(as.last().form().get("client_assertion")), "a new assertion per request");
    }

    @Test
    void whenEndpointUnreachableThen503NeverInvalidToken() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        TokenIntrospector introspector = introspector(basic(IntrospectionSettings.ENDPOINT,
                "http://127.0.0.1:" + closed + "/introspect"));
        AuthError error = refused(introspector);
        assertEquals(503, error.status());
        assertEquals("temporarily_unavailable", error.error());
    }

    @Test
    void whenEndpointAnswersErrorOrGarbageThen503AndNotCached() {
        TokenIntrospector introspector = introspector(basic());
        for (StubAuthorizationServer.Answer answer : List.of(
                new StubAuthorizationServer.Answer(500, "text/plain", "boom"),
                new StubAuthorizationServer.Answer(401, "application/json", "{\"error\":\"invalid_client\"}"),
                StubAuthorizationServer.Answer.json("not json"),
                StubAuthorizationServer.Answer.json("{\"scope\":\"no active member\"}"),
                new StubAuthorizationServer.Answer(302, "text/plain", ""))) {
            as.respond(request -> answer);
            assertEquals(503, refused(introspector).status(), answer.toString());
        }
        assertEquals(5, as.requests());
    }

    @Test
    void whenEndpointTooSlowThen503() {
        CountDownLatch release = new CountDownLatch(1);
        as.respond(request -> {
            release.await(10, TimeUnit.SECONDS);
            return StubAuthorizationServer.Answer.json(active(NOW.plusSeconds(600)));
        });
        TokenIntrospector introspector = introspector(basic(IntrospectionSettings.READ_TIMEOUT, "PT0.3S"));
        try {
            assertEquals(503, refused(introspector).status());
        } finally {
            release.countDown();
        }
    }

    @Test
    void whenInactiveThenInvalidTokenCachedOnlyForTheNegativeTtl() {
        as.respond(request -> StubAuthorizationServer.Answer.json("{\"active\":false}"));
        TokenIntrospector introspector = introspector(basic());
        AuthError error = refused(introspector);
        assertEquals(401, error.status());
        assertEquals("invalid_token", error.error());
        assertEquals("Bearer", error.scheme());
        refused(introspector);
        assertEquals(1, as.requests());
        clock.advance(Duration.ofSeconds(6));
        refused(introspector);
        assertEquals(2, as.requests());
    }

    @Test
    void whenActiveThenCachedForTheTtlButNeverPastExp() {
        as.respond(request -> StubAuthorizationServer.Answer.json(active(NOW.plusSeconds(3600))));
        TokenIntrospector introspector = introspector(basic(IntrospectionSettings.CACHE_TTL, "PT60S"));
        introspector.check(TOKEN);
        clock.advance(Duration.ofSeconds(59));
        introspector.check(TOKEN);
        assertEquals(1, as.requests());
        clock.advance(Duration.ofSeconds(2));
        introspector.check(TOKEN);
        assertEquals(2, as.requests());

        Instant soon = clock.instant().plusSeconds(10);
        as.respond(request -> StubAuthorizationServer.Answer.json(active(soon)));
        TokenIntrospector shortLived = introspector(basic(IntrospectionSettings.CACHE_TTL, "PT60S"));
        shortLived.check("another-token");
        clock.advance(Duration.ofSeconds(11));
        assertEquals("token_expired", assertThrows(AuthenticationFailure.class,
                () -> shortLived.check("another-token")).error().reason());
        assertEquals(4, as.requests(), "the expired answer was not reused: asked again");
    }

    /** RFC 7662 §2.2: an issuer configured is an issuer required; an answer without {@code iss} is not trusted. */
    @Test
    void whenIssuerConfiguredAndAnswerHasNoIssThenInvalidToken() {
        as.respond(request -> StubAuthorizationServer.Answer.json("{\"active\":true,\"sub\":\"alice\"}"));
        assertEquals("wrong_issuer", refused(introspector(basic(IntrospectionSettings.ISSUER,
                "https://as.example.com"))).reason());
    }

    /** A time no Instant can hold is the authorization server's malformed answer: 503, never a 500. */
    @Test
    void whenAnswerTimeOutOfRangeThen503() {
        for (String member : List.of("exp", "nbf", "iat")) {
            as.respond(request -> StubAuthorizationServer.Answer.json(
                    "{\"active\":true,\"sub\":\"alice\",\"" + member + "\":1e20}"));
            AuthError error = refused(introspector(basic()));
            assertEquals(503, error.status(), member);
        }
    }

    @Test
    void whenIssuerOrAudienceDoNotMatchThenInvalidToken() {
        as.respond(request -> StubAuthorizationServer.Answer.json(
                "{\"active\":true,\"sub\":\"alice\",\"iss\":\"https://other.example\",\"aud\":[\"billing\"]}"));
        assertEquals("wrong_issuer", refused(introspector(basic(IntrospectionSettings.ISSUER,
                "https://as.example.com"))).reason());
        assertEquals("wrong_audience", refused(introspector(basic(IntrospectionSettings.AUDIENCES,
                "orders,shipping"))).reason());
        introspector(basic(IntrospectionSettings.AUDIENCES, "billing")).check(TOKEN);
    }

    @Test
    void whenAnswerNamesNoCallerThenInvalidTokenElseClientIdIsTheName() {
        IntrospectionCallerMapper mapper = new IntrospectionCallerMapper(settings(basic()));
        assertEquals("svc", mapper.map(new IntrospectedToken(true, Map.of("client_id", "svc"))).getName());
        assertEquals("no_caller_name", assertThrows(AuthenticationFailure.class,
                () -> mapper.map(new IntrospectedToken(true, Map.of("scope", "a")))).error().reason());
    }
}

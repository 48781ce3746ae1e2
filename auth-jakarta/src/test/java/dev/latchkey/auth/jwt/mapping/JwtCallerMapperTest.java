package dev.latchkey.auth.jwt.mapping;

import com.nimbusds.jose.jwk.RSAKey;
import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import dev.latchkey.auth.jwt.fixtures.Tokens;
import dev.latchkey.auth.jwt.fixtures.Verifiers;
import dev.latchkey.auth.jwt.validation.JwtVerifier;
import dev.latchkey.auth.jwt.validation.VerifiedJwt;
import dev.latchkey.test.jwt.TestKeys;
import dev.latchkey.test.time.MutableClock;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtCallerMapperTest {

    private final RSAKey rsa = TestKeys.rsa("rsa-1");

    private LatchkeyCaller map(UnaryOperator<com.nimbusds.jwt.JWTClaimsSet.Builder> claims, String... config) {
        Map<String, String> p = TestConfig.single(rsa.toPublicJWK().toJSONString(), config);
        VerifiedJwt jwt = Verifiers.verifier(p, new MutableClock(Tokens.NOW))
                .verify(Tokens.signedBy(rsa).claims(claims).sign(), null);
        return JwtCallerMapper.of(TestConfig.settings(p)).map(jwt);
    }

    @Test
    void whenDefaultClaimsThenUpnGroupsScopesAndJti() {
        LatchkeyCaller caller = map(UnaryOperator.identity());
        assertEquals("alice@example.com", caller.getName());
        assertEquals("jwt", caller.mechanism());
        assertEquals(Set.of("admin", "user"), caller.groups());
        assertEquals(Set.of("read", "write"), caller.scopes());
        assertEquals("jti-1", caller.credentialId().orElseThrow());
        assertEquals("alice", caller.attributes().get("sub"));
        assertTrue(caller instanceof JsonWebToken, "the MicroProfile JWT API is on the test class path");
        assertNull(caller.attributes().get("jwt"));
        assertThrows(UnsupportedOperationException.class, () -> caller.attributes().put("x", "y"));
        @SuppressWarnings("unchecked")
        List<Object> groups = (List<Object>) caller.attributes().get("groups");
        assertThrows(UnsupportedOperationException.class, () -> groups.add("root"));
    }

    @Test
    void whenNoUpnThenSubNeverTheUserEditablePreferredUsername() {
        assertEquals("alice", map(b -> b.claim("upn", null).claim("preferred_username", "admin")).getName());
        assertEquals("alice", map(b -> b.claim("upn", null)).getName());
        assertEquals("alice", map(b -> b.claim("upn", " ")).getName());
    }

    @Test
    void whenNoNameClaimThen401() {
        AuthError e = assertThrows(AuthenticationFailure.class, () -> map(b -> b.claim("upn", null).subject(null)))
                .error();
        assertEquals(401, e.status());
        assertEquals("missing_name_claim", e.reason());
    }

    @Test
    void whenGroupsClaimIsDottedPathThenFollowed() {
        LatchkeyCaller caller = map(b -> b.claim("realm_access", Map.of("roles", List.of("r1", "r2"))),
                "latchkey.jwt.groups-claim", "realm_access.roles");
        assertEquals(Set.of("r1", "r2"), caller.groups());
        assertEquals(Set.of("solo"), map(b -> b.claim("groups", "solo")).groups());
        assertEquals(Set.of(), map(b -> b.claim("groups", 42)).groups());
    }

    @Test
    void whenScpInsteadOfScopeThenArrayOrString() {
        assertEquals(Set.of("a", "b"), map(b -> b.claim("scope", null).claim("scp", List.of("a", "b"))).scopes());
        assertEquals(Set.of("a", "b"), map(b -> b.claim("scope", null).claim("scp", "a b")).scopes());
        assertEquals(Set.of(), map(b -> b.claim("scope", null)).scopes());
    }

    @Test
    void whenJsonWebTokenThenMicroProfileClaimTypes() {
        LatchkeyCaller caller = map(b -> b.claim("custom", Map.of("k", 1)).claim("flag", true).claim("ratio", 1.5));
        JsonWebToken jwt = (JsonWebToken) caller;
        assertEquals("alice@example.com", jwt.getName());
        assertEquals(Tokens.ISSUER, jwt.getIssuer());
        assertEquals(Set.of("api"), jwt.getAudience());
        assertEquals(Set.of("admin", "user"), jwt.getGroups());
        assertEquals("jti-1", jwt.getTokenID());
        assertEquals(Tokens.NOW.getEpochSecond() + 300, jwt.getExpirationTime());
        assertEquals(Long.valueOf(Tokens.NOW.getEpochSecond() - 10), jwt.getClaim("iat"));
        assertEquals(Boolean.TRUE, jwt.getClaim("flag"));
        assertEquals(1, ((jakarta.json.JsonObject) jwt.getClaim("custom")).getInt("k"));
        assertEquals(1.5, ((jakarta.json.JsonNumber) jwt.getClaim("ratio")).doubleValue());
        assertTrue(jwt.getClaimNames().containsAll(Set.of("iss", "sub", "raw_token", "groups")));
        assertTrue(jwt.getRawToken().startsWith("eyJ"));
        assertTrue(!jwt.toString().contains(jwt.getRawToken()));
    }

    @Test
    void whenClaimNestsDeeplyThenCutOffInAttributes() {
        Object deep = "leaf";
        for (int i = 0; i < 40; i++) {
            deep = List.of(deep);
        }
        Object nested = deep;
        LatchkeyCaller caller = map(b -> b.claim("deep", nested));
        Object v = caller.attributes().get("deep");
        int depth = 0;
        while (v instanceof List<?> l && !l.isEmpty()) {
            v = l.get(0);
            depth++;
        }
        assertTrue(depth < ClaimValues.MAX_DEPTH, "depth " + depth);
    }

    @Test
    void whenJtiUnfitForLogsThenNoCredentialId() {
        assertTrue(map(b -> b.jwtID("jti with spaces\n")).credentialId().isEmpty());
        assertTrue(map(b -> b.jwtID("x".repeat(129))).credentialId().isEmpty());
        AuthError e = assertThrows(AuthenticationFailure.class,
                () -> map(b -> b.claim("upn", null).subject(null).jwtID("bad\u0000jti"))).error();
        assertEquals(null, e.credentialId());
    }

    @Test
    void whenTokenRepeatedThenClaimsMappedOnceAndRawTokenAttachedPerRequest() {
        Map<String, String> p = TestConfig.single(rsa.toPublicJWK().toJSONString());
        JwtVerifier verifier = Verifiers.verifier(p, new MutableClock(Tokens.NOW));
        JwtCallerMapper mapper = JwtCallerMapper.of(TestConfig.settings(p));
        String token = Tokens.signedBy(rsa).sign();
        LatchkeyCaller first = mapper.map(verifier.verify(token, null));
        LatchkeyCaller second = mapper.map(verifier.verify(token, null)); // a cache hit
        assertSame(first.groups(), second.groups(), "mapped once, reused from the verified-token cache");
        assertSame(first.attributes().get("groups"), second.attributes().get("groups"));
        assertEquals(token, ((JsonWebToken) second).getRawToken());
        assertEquals(first, second);
    }
}

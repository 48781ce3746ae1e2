package dev.latchkey.auth.jwt.mp;

import dev.latchkey.auth.caller.LatchkeyCaller;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtCallerTest {

    private final JwtCaller caller = JwtCallers.caller("alice");

    @Test
    void whenJwtCallerThenAlsoJsonWebTokenNamedLikeTheCaller() {
        JsonWebToken jwt = caller;
        assertEquals("alice@example.com", jwt.getName());
        assertEquals("jwt", caller.mechanism());
        assertEquals(JwtCallers.RAW + "alice", jwt.getRawToken());
        assertEquals("jti-alice", caller.credentialId().orElseThrow());
        assertTrue(caller.hasScope("read"));
    }

    @Test
    void whenStandardClaimsThenSpecTypes() {
        assertEquals(Set.of("api"), caller.getAudience());
        assertEquals(Set.of("Tester", "Echoer"), caller.getGroups());
        assertEquals(1_700_000_600L, caller.getExpirationTime());
        assertEquals(1_700_000_000L, caller.getIssuedAtTime());
        assertEquals(Long.valueOf(1_699_999_990L), caller.getClaim(Claims.auth_time));
        assertEquals("https://issuer.test", caller.getIssuer());
        assertEquals(JwtCallers.RAW + "alice", caller.getClaim(Claims.raw_token));
        assertTrue(caller.getClaimNames().containsAll(Set.of("raw_token", "groups", "iss", "customObject")));
    }

    @Test
    void whenCustomClaimsThenJsonOrJavaTypes() {
        assertEquals("value", caller.getClaim("customString"));
        assertEquals(Boolean.TRUE, caller.getClaim("customBoolean"));
        assertEquals(123456789L, caller.<JsonNumber>getClaim("customInteger").longValueExact());
        assertEquals(3.141592653589793, caller.<JsonNumber>getClaim("customDouble").doubleValue());
        assertEquals("v", caller.<JsonObject>getClaim("customObject").getString("key"));
        assertEquals(3, caller.<JsonArray>getClaim("customIntegerArray").size());
        assertNull(caller.getClaim("missing"));
    }

    @Test
    void whenIdentityStoreHandlerChangesGroupsThenStillJwtCaller() {
        LatchkeyCaller regrouped = LatchkeyCaller.from(new CredentialValidationResult(caller, Set.of("Tester", "Extra")),
                "jwt", null, Map.of());
        JwtCaller jwt = assertInstanceOf(JwtCaller.class, regrouped);
        assertEquals(Set.of("Tester", "Extra"), jwt.groups());
        assertEquals(Set.of("Tester", "Extra"), jwt.getGroups());
        assertEquals(caller.getRawToken(), jwt.getRawToken());
        assertEquals(caller.scopes(), jwt.scopes());
        assertSame(caller, LatchkeyCaller.from(new CredentialValidationResult(caller, caller.groups()), "jwt", null,
                Map.of()));
    }

    @Test
    void whenClaimsReadThenTokenSharesTheCallersDataAndConvertsOnce() {
        assertSame(caller.attributes().get("customObject"), caller.attributes().get("customObject"));
        assertSame(caller.getClaimNames(), caller.getClaimNames());
        assertSame(caller.<Object>getClaim("customObject"), caller.<Object>getClaim("customObject"));
        assertSame(caller.getAudience(), caller.getAudience());
        JwtCaller regrouped = caller.withGroups(Set.of("Other"));
        assertSame(caller.<Object>getClaim("customObject"), regrouped.<Object>getClaim("customObject"));
        assertEquals(Set.of("Other"), regrouped.getGroups());
    }

    @Test
    void whenStandardNumericClaimNotAWholeNumberThenNotTruncated() {
        Map<String, Object> claims = new java.util.HashMap<>(JwtCallers.claims("carol"));
        claims.put("auth_time", 1.9);
        JwtCaller odd = new JwtCaller("carol", Set.of(), Set.of(), Map.copyOf(claims), null, JwtCallers.RAW);
        assertEquals(1.9, odd.<JsonNumber>getClaim("auth_time").doubleValue());
    }

    @Test
    void whenComparedWithPlainCallerOfSameDataThenUnequalBothWays() {
        LatchkeyCaller plain = new LatchkeyCaller(caller.getName(), "jwt", caller.groups(), caller.scopes(),
                caller.attributes(), "jti-alice");
        assertNotEquals(plain, caller);
        assertNotEquals(caller, plain);
        assertEquals(JwtCallers.caller("alice"), caller);
        assertNotEquals(JwtCallers.caller("bob"), caller);
    }

    @Test
    void whenPrintedThenNoRawTokenNorClaimValues() {
        String text = caller.toString();
        assertFalse(text.contains(JwtCallers.RAW), text);
        assertFalse(text.contains("https://issuer.test"), text);
        assertTrue(text.contains("alice@example.com"), text);
    }
}

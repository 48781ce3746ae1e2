package dev.latchkey.auth.jwt.mp;

import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Provider;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static dev.latchkey.auth.jwt.mp.FakeInjectionPoint.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producers against a stand-in for the request-scoped token proxy: whatever token is current at each call. */
class ClaimProducersTest {

    private final AtomicReference<JsonWebToken> current = new AtomicReference<>(JwtCallers.caller("alice"));
    private final ClaimProducers producers = new ClaimProducers();

    ClaimProducersTest() {
        producers.token = (JsonWebToken) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {JsonWebToken.class}, (proxy, method, args) -> method.invoke(current.get(), args));
    }

    @Test
    void whenRawTypesThenClaimsOfTheCurrentToken() {
        assertEquals("https://issuer.test", producers.string(claim("iss", String.class)));
        assertEquals(JwtCallers.RAW + "alice", producers.string(claim("raw_token", String.class)));
        assertEquals(1_700_000_000L, producers.number(claim("iat", long.class)));
        assertEquals(true, producers.bool(claim("customBoolean", boolean.class)));
        assertEquals(Set.of("api"), producers.strings(claim("aud", new TypeLiteral<Set<String>>() { })));
        assertEquals(Set.of("Tester", "Echoer"), producers.strings(claim("groups", new TypeLiteral<Set<String>>() { })));
    }

    @Test
    void whenJsonTypesThenJsonValues() {
        assertEquals(JwtCallers.RAW + "alice", producers.jsonString(claim("raw_token", JsonString.class)).getString());
        assertEquals(1_700_000_000L, producers.jsonNumber(claim("iat", JsonNumber.class)).longValue());
        assertEquals(123456789L, producers.jsonNumber(claim("customInteger", JsonNumber.class)).longValueExact());
        assertEquals("api", producers.jsonArray(claim("aud", JsonArray.class)).getString(0));
        assertEquals("v", producers.jsonObject(claim("customObject", JsonObject.class)).getString("key"));
        assertEquals(JsonValue.TRUE, producers.json(claim("customBoolean", JsonValue.class)));
    }

    @Test
    void whenOptionalThenPresentOrEmpty() {
        assertEquals(Optional.of("alice"), producers.optional(claim("sub", new TypeLiteral<Optional<String>>() { })));
        assertEquals(Optional.of(1_699_999_990L),
                producers.optional(claim("auth_time", new TypeLiteral<Optional<Long>>() { })));
        assertEquals(Optional.empty(), producers.optional(claim("custom-missing", new TypeLiteral<Optional<Long>>() { })));
    }

    @Test
    void whenProviderLookupThenTypeArgumentDecides() {
        assertEquals(Optional.of("alice"),
                producers.optional(claim("sub", new TypeLiteral<Provider<Optional<String>>>() { })));
    }

    @Test
    void whenClaimValueThenEveryCallReadsTheCurrentToken() {
        ClaimValue<String> raw = producers.claimValue(claim("raw_token", new TypeLiteral<ClaimValue<String>>() { }));
        ClaimValue<Optional<Long>> authTime = producers.claimValue(
                claim("auth_time", new TypeLiteral<ClaimValue<Optional<Long>>>() { }));
        assertEquals("raw_token", raw.getName());
        assertEquals(JwtCallers.RAW + "alice", raw.getValue());
        assertEquals(Optional.of(1_699_999_990L), authTime.getValue());

        current.set(JwtCallers.caller("bob"));
        assertEquals(JwtCallers.RAW + "bob", raw.getValue());

        current.set(LatchkeyJsonWebToken.empty());
        assertNull(raw.getValue());
        assertEquals(Optional.empty(), authTime.getValue());
        assertFalse(raw.toString().contains(JwtCallers.RAW), raw.toString());
    }

    @Test
    void whenClaimValueOfJsonOrRawThenTypedOrUnchanged() {
        ClaimValue<JsonNumber> integer = producers.claimValue(
                claim("customInteger", new TypeLiteral<ClaimValue<JsonNumber>>() { }));
        assertEquals(123456789L, integer.getValue().longValueExact());
        ClaimValue<Object> raw = producers.claimValue(claim("jti", ClaimValue.class));
        assertEquals("jti-alice", raw.getValue());
    }

    @Test
    void whenNoTokenThenNullAndEmpty() {
        current.set(LatchkeyJsonWebToken.empty());
        assertNull(producers.string(claim("iss", String.class)));
        assertNull(producers.number(claim("iat", Long.class)));
        assertNull(producers.strings(claim("groups", new TypeLiteral<Set<String>>() { })));
        assertNull(producers.jsonString(claim("raw_token", JsonString.class)));
        assertTrue(producers.optional(claim("sub", new TypeLiteral<Optional<String>>() { })).isEmpty());
    }
}

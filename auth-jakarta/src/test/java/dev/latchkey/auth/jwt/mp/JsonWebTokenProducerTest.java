package dev.latchkey.auth.jwt.mp;

import dev.latchkey.auth.caller.CurrentCaller;
import dev.latchkey.auth.caller.LatchkeyCaller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class JsonWebTokenProducerTest {

    private final JsonWebTokenProducer producer = new JsonWebTokenProducer();

    @Test
    void whenUnauthenticatedThenEmptyToken() {
        producer.currentCaller = new CurrentCaller();
        JsonWebToken jwt = producer.currentToken();
        assertNull(jwt.getName());
        assertNull(jwt.getRawToken());
        assertNull(jwt.getClaimNames());
        assertNull(jwt.getClaim(""));
        assertNull(jwt.getClaim("sub"));
        assertEquals(0, jwt.getExpirationTime());
    }

    @Test
    void whenJwtCallerThenTheCallerItself() {
        JwtCaller caller = JwtCallers.caller("alice");
        CurrentCaller current = new CurrentCaller();
        current.set(caller);
        producer.currentCaller = current;
        assertSame(caller, producer.currentToken());
        assertEquals("alice@example.com", producer.currentToken().getName());
    }

    @Test
    void whenCallerFromAnotherMechanismThenEmptyToken() {
        CurrentCaller current = new CurrentCaller();
        current.set(new LatchkeyCaller("svc", "api-key", Set.of(), Set.of(), Map.of(), "key-1"));
        producer.currentCaller = current;
        assertNull(producer.currentToken().getName());
    }
}

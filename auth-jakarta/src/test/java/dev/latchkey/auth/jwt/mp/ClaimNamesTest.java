package dev.latchkey.auth.jwt.mp;

import org.eclipse.microprofile.jwt.ClaimLiteral;
import org.eclipse.microprofile.jwt.Claims;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClaimNamesTest {

    @Test
    void whenValueOrStandardThenThatName() {
        assertEquals("customString", ClaimNames.of(new ClaimLiteral("customString")));
        assertEquals("iat", ClaimNames.of(new ClaimLiteral(Claims.iat)));
        assertEquals("exp", ClaimNames.of(FakeInjectionPoint.both("exp", Claims.exp)));
    }

    @Test
    void whenValueAndStandardDisagreeThenRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClaimNames.of(FakeInjectionPoint.both("exp", Claims.iat)));
        assertEquals("@Claim(value=\"exp\", standard=iat) names two different claims", e.getMessage());
    }

    @Test
    void whenNeitherThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClaimNames.of(new ClaimLiteral()));
    }

    @Test
    void whenInjectionPointQualifiedThenItsClaim() {
        assertEquals("jti", ClaimNames.qualifier(FakeInjectionPoint.claim("jti", String.class)).orElseThrow().value());
        assertEquals(true, ClaimNames.qualifier(new FakeInjectionPoint(String.class, Set.of())).isEmpty());
    }
}

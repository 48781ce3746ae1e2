package dev.latchkey.jaxrs;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.WwwAuthenticate;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 9470 step-up: resolution at deployment, contradictions, and the decision on a caller's acr and auth_time. */
class AuthContextRequirementTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final StepUpClock TIME = new StepUpClock(Clock.fixed(NOW, ZoneOffset.UTC), SKEW);

    @RequiresAuthenticationContext(acr = {"gold", "silver"}, maxAge = "PT1H")
    static class Payments {
        @RequiresAuthenticationContext(acr = {"silver", "bronze"}, maxAge = "PT5M")
        public void transfer() {
        }

        public void list() {
        }
    }

    static class Contradictory {
        @RequiresAuthenticationContext(acr = "gold")
        public void method() {
        }
    }

    @RequiresAuthenticationContext(acr = "silver")
    static class ContradictoryClass extends Contradictory {
        @Override
        @RequiresAuthenticationContext(acr = "gold")
        public void method() {
        }
    }

    static class Broken {
        @RequiresAuthenticationContext
        public void nothing() {
        }

        @RequiresAuthenticationContext(maxAge = "5 minutes")
        public void badAge() {
        }

        @RequiresAuthenticationContext(acr = "two words")
        public void badAcr() {
        }

        @PermitAll
        @RequiresAuthenticationContext(maxAge = "PT5M")
        public void open() {
        }

        @PermitAll
        @RequiresDPoP
        public void openDPoP() {
        }
    }

    @RequiresDPoP
    static class DPoPOnly {
        public void list() {
        }
    }

    @RequiresAuthenticationContext(maxAge = "PT5M")
    static class PermittedBelowStepUp {
        @PermitAll
        public void open() {
        }
    }

    static class WithRole {
        @RolesAllowed("admin")
        @RequiresAuthenticationContext(acr = "gold")
        public void admin() {
        }
    }

    private static AccessRule rule(Class<?> type, String name) {
        try {
            Method method = type.getMethod(name);
            return SecurityAnnotations.resolve(type, method).orElseThrow();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static LatchkeyCaller caller(Map<String, Object> attributes) {
        return new LatchkeyCaller("alice", "jwt", Set.of("admin"), Set.of(), attributes, null);
    }

    private static Optional<AuthError> decide(AccessRule rule, LatchkeyCaller caller) {
        return decide(rule, caller, TIME);
    }

    private static Optional<AuthError> decide(AccessRule rule, LatchkeyCaller caller, StepUpClock time) {
        return AccessDecision.decide(rule, caller, caller, caller::isInGroup,
                mechanism -> Optional.of("Bearer").filter(b -> mechanism.equals("jwt")), time);
    }

    @Test
    void whenDeclaredOnClassAndMethodThenAcrIntersectsAndShortestMaxAgeApplies() {
        AccessRule rule = rule(Payments.class, "transfer");
        assertEquals(new AuthContextRequirement(List.of("silver"), Optional.of(Duration.ofMinutes(5))),
                rule.authContext().orElseThrow());
        assertTrue(rule.authenticated());
        assertTrue(rule.summary().contains("authentication acr any of [silver], max age PT5M"), rule.summary());
        assertEquals(List.of("gold", "silver"), rule(Payments.class, "list").authContext().orElseThrow().acr());
    }

    @Test
    void whenContradictoryOrMalformedThenDeploymentFailsNamingTheMethod() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> rule(ContradictoryClass.class, "method"));
        assertTrue(e.getMessage().contains(ContradictoryClass.class.getName() + "#method()"), e.getMessage());
        for (String name : List.of("nothing", "badAge", "badAcr", "open", "openDPoP")) {
            assertThrows(IllegalStateException.class, () -> rule(Broken.class, name), name);
        }
        assertThrows(IllegalStateException.class, () -> rule(PermittedBelowStepUp.class, "open"));
    }

    @Test
    void whenAcrAndAuthTimeSatisfyThenAllowed() {
        AccessRule rule = rule(Payments.class, "transfer");
        assertEquals(Optional.empty(), decide(rule, caller(Map.of("acr", "silver",
                "auth_time", NOW.minusSeconds(299).getEpochSecond()))));
    }

    @Test
    void whenAcrWrongOrMissingThenInsufficientUserAuthenticationWithAcrValuesAndMaxAge() {
        AccessRule rule = rule(Payments.class, "transfer");
        for (Map<String, Object> attributes : List.<Map<String, Object>>of(
                Map.of("acr", "bronze", "auth_time", NOW.getEpochSecond()),
                Map.of("auth_time", NOW.getEpochSecond()))) {
            AuthError error = decide(rule, caller(attributes)).orElseThrow();
            assertEquals(401, error.status());
            assertEquals("Bearer realm=\"api\", error=\"insufficient_user_authentication\", error_description=\"a"
                    + " more recent or stronger authentication is required\", acr_values=\"silver\","
                    + " max_age=\"300\"", WwwAuthenticate.challenge("api", error));
        }
    }

    /** A Basic, API-key or certificate caller cannot present a stronger token: 403, never a 401 without challenge. */
    @Test
    void whenCallerOfAKindWithoutTokenFailsStepUpThen403() {
        LatchkeyCaller basic = new LatchkeyCaller("alice", "basic", Set.of("admin"), Set.of(),
                Map.of("acr", "copper"), null);
        AuthError error = decide(rule(Payments.class, "transfer"), basic).orElseThrow();
        assertEquals(403, error.status());
        assertEquals(null, error.scheme());
    }

    @Test
    void whenAuthTimeTooOldMissingOrInTheFutureThenInsufficientUserAuthentication() {
        AccessRule rule = rule(Payments.class, "transfer");
        for (Object authTime : List.of(NOW.minusSeconds(301).getEpochSecond(), NOW.plusSeconds(60).getEpochSecond(),
                "yesterday", 1e20, Long.MAX_VALUE, Long.MIN_VALUE, "999999999999")) {
            assertTrue(decide(rule, caller(Map.of("acr", "silver", "auth_time", authTime))).isPresent(),
                    String.valueOf(authTime));
        }
        assertTrue(decide(rule, caller(Map.of("acr", "silver"))).isPresent());
    }

    /** The authorization server's clock may run ahead by the configured skew, no further. */
    @Test
    void whenAuthTimeInTheFutureThenAllowedWithinTheSkewOnly() {
        AccessRule rule = rule(Payments.class, "transfer");
        assertTrue(decide(rule, caller(Map.of("acr", "silver", "auth_time", NOW.plus(SKEW).getEpochSecond())))
                .isEmpty());
        assertTrue(decide(rule, caller(Map.of("acr", "silver",
                "auth_time", NOW.plus(SKEW).plusSeconds(1).getEpochSecond()))).isPresent());
        StepUpClock noSkew = new StepUpClock(TIME.clock(), Duration.ZERO);
        assertTrue(decide(rule, caller(Map.of("acr", "silver", "auth_time", NOW.getEpochSecond())), noSkew).isEmpty());
        assertTrue(decide(rule, caller(Map.of("acr", "silver", "auth_time", NOW.plusSeconds(1).getEpochSecond())),
                noSkew).isPresent());
    }

    /** The time is the injected clock's, not the system's: a token recent by the system clock is old by this one. */
    @Test
    void whenClockMovedPastMaxAgeThenInsufficientUserAuthentication() {
        AccessRule rule = rule(Payments.class, "transfer");
        LatchkeyCaller recent = caller(Map.of("acr", "silver", "auth_time", NOW.getEpochSecond()));
        assertTrue(decide(rule, recent).isEmpty());
        StepUpClock later = new StepUpClock(Clock.offset(TIME.clock(), Duration.ofMinutes(6)), SKEW);
        assertTrue(decide(rule, recent, later).isPresent());
    }

    @Test
    void whenRoleMissingThen403BeforeStepUpAndDPoPBoundCallerGetsDPoPChallenge() {
        AccessRule rule = rule(WithRole.class, "admin");
        LatchkeyCaller noRole = new LatchkeyCaller("bob", "jwt", Set.of(), Set.of(), Map.of(), null);
        assertEquals(403, decide(rule, noRole).orElseThrow().status());
        AuthError dpop = decide(rule, caller(Map.of("acr", "bronze", "cnf", Map.of("jkt", "abc")))).orElseThrow();
        assertEquals("DPoP", dpop.scheme());
    }

    @Test
    void whenResourceRequiresDPoPThenOnlyADPoPBoundCallerPasses() {
        AccessRule rule = rule(DPoPOnly.class, "list");
        assertTrue(rule.dpop() && rule.authenticated());
        AuthError bearer = decide(rule, caller(Map.of())).orElseThrow();
        assertEquals(401, bearer.status());
        assertEquals("DPoP", bearer.scheme());
        assertEquals(Optional.empty(), decide(rule, caller(Map.of("cnf", Map.of("jkt", "abc")))));
    }
}

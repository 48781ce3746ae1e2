package dev.latchkey.jaxrs;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessRuleTest {

    @RequiresScope("orders:read")
    static class Orders {
        public void list() {
        }

        @RequiresScope("orders:write")
        public void create() {
        }

        @PermitAll
        public void open() {
        }
    }

    static class Contradictions {
        @PermitAll
        @RequiresScope("a")
        public void permitAndScope() {
        }

        @DenyAll
        @RequiresScope("a")
        public void denyAndScope() {
        }

        @RequiresScope("has space")
        public void badToken() {
        }

        @RequiresScope({})
        public void empty() {
        }

        @RolesAllowed("admin")
        @PermitAll
        public void twoRoleAnnotations() {
        }
    }

    @RolesAllowed("admin")
    static class Admin {
        public void any() {
        }

        @PermitAll
        public void open() {
        }
    }

    /** A generated JAX-RS API interface carries the annotations; the implementation does not repeat them. */
    interface OrdersApi {
        @RequiresScope("orders:read")
        void list();

        @DenyAll
        void purge();
    }

    static class OrdersImpl implements OrdersApi {
        @Override
        public void list() {
        }

        @Override
        public void purge() {
        }
    }

    private static AccessRule rule(Class<?> type, String method) throws Exception {
        return SecurityAnnotations.resolve(type, type.getMethod(method)).orElse(null);
    }

    private static LatchkeyCaller caller(String mechanism, Set<String> groups, Set<String> scopes) {
        return new LatchkeyCaller("alice", mechanism, groups, scopes, Map.of(), null);
    }

    private static Optional<AuthError> decide(AccessRule rule, LatchkeyCaller caller) {
        return AccessDecision.decide(rule, caller, caller, r -> caller != null && caller.isInGroup(r),
                mechanism -> Optional.of("Bearer").filter(b -> mechanism.equals("jwt")),
                new StepUpClock(java.time.Clock.systemUTC(), java.time.Duration.ZERO));
    }

    @Test
    void whenMethodRefinesClassThenBothScopesRequired() throws Exception {
        AccessRule create = rule(Orders.class, "create");
        assertEquals(2, create.scopes().size());
        assertTrue(decide(create, caller("jwt", Set.of(), Set.of("orders:write"))).isPresent());
        assertTrue(decide(create, caller("jwt", Set.of(), Set.of("orders:write", "orders:read"))).isEmpty());
    }

    @Test
    void whenNoCallerThen401() throws Exception {
        assertEquals(401, decide(rule(Orders.class, "list"), null).orElseThrow().status());
    }

    @Test
    void whenJwtCallerLacksScopeThenBearerInsufficientScope() throws Exception {
        AuthError error = decide(rule(Orders.class, "list"), caller("jwt", Set.of(), Set.of())).orElseThrow();
        assertEquals(403, error.status());
        assertEquals("Bearer", error.scheme());
        assertEquals(Set.of("orders:read"), error.requiredScope());
    }

    @Test
    void whenBasicCallerLacksScopeThen403WithoutBearerChallenge() throws Exception {
        AuthError error = decide(rule(Orders.class, "list"), caller("basic", Set.of(), Set.of())).orElseThrow();
        assertEquals(403, error.status());
        assertNull(error.scheme());
    }

    @Test
    void whenRoleMissingThen403AndPresentThenAllowed() throws Exception {
        AccessRule any = rule(Admin.class, "any");
        assertEquals(403, decide(any, caller("jwt", Set.of("user"), Set.of())).orElseThrow().status());
        assertTrue(decide(any, caller("jwt", Set.of("admin"), Set.of())).isEmpty());
    }

    @Test
    void whenMethodPermitAllThenOverridesClassRoles() throws Exception {
        assertTrue(rule(Admin.class, "open").isUnrestricted());
    }

    @Test
    void whenContradictionThenDeploymentFails() {
        for (String m : new String[]{"permitAndScope", "denyAndScope", "badToken", "empty", "twoRoleAnnotations"}) {
            assertThrows(IllegalStateException.class, () -> rule(Contradictions.class, m), m);
        }
    }

    @Test
    void whenAnnotationsOnImplementedInterfaceThenTheyApply() throws Exception {
        AccessRule list = rule(OrdersImpl.class, "list");
        assertEquals(Set.of("orders:read"), list.scopes().get(0).scopes());
        assertTrue(rule(OrdersImpl.class, "purge").denyAll());
    }

    @Test
    void whenAnyModeThenOneOfTheScopesSuffices() {
        ScopeRequirement any = new ScopeRequirement(Set.of("a", "b"), ScopeMode.ANY);
        assertTrue(any.isSatisfiedBy(Set.of("b")));
        assertTrue(!any.isSatisfiedBy(Set.of("c")));
    }
}

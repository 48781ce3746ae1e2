package dev.latchkey.jaxrs;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resolution model: levels, generics and bridges, nearest role wins, scopes accumulate, contradictions. */
class SecurityAnnotationsTest {

    interface CrudApi<T> {
        @RolesAllowed("admin")
        String put(String id, T body);
    }

    static class Gen implements CrudApi<String> {
        @Override
        public String put(String id, String body) {
            return id;
        }
    }

    abstract static class GenericBase<T extends CharSequence> {
        @RequiresScope("write")
        abstract void post(List<T> items, T one);
    }

    static class GenericSub extends GenericBase<String> {
        @Override
        void post(List<String> items, String one) {
        }
    }

    @RolesAllowed("admin")
    interface Api {
        String get();
    }

    static class ApiImpl implements Api {
        @Override
        public String get() {
            return "";
        }
    }

    @RolesAllowed("admin")
    static class Base {
        public void m() {
        }
    }

    @RequiresScope("read")
    static class Impl extends Base {
    }

    interface DefaultApi {
        @RolesAllowed("admin")
        default void d() {
        }
    }

    static class DefaultImpl implements DefaultApi {
    }

    @RequiresScope("a")
    interface ScopedApi {
        @RequiresScope("b")
        void x();
    }

    @RequiresScope("c")
    static class ScopedImpl implements ScopedApi {
        @Override
        @RequiresScope("d")
        public void x() {
        }
    }

    @RequiresScope("read")
    static class ScopedBase {
    }

    static class PermitsInheritedScope extends ScopedBase {
        @PermitAll
        public void open() {
        }
    }

    @RolesAllowed("user")
    interface Left {
        void both();
    }

    @RolesAllowed("admin")
    interface Right {
        void both();
    }

    static class Conflicting implements Left, Right {
        @Override
        public void both() {
        }
    }

    static class NearestMethodWins implements Api {
        @Override
        @RolesAllowed("user")
        public String get() {
            return "";
        }
    }

    @DenyAll
    static class Closed extends ScopedBase {
        public void any() {
        }
    }

    static class Plain {
        public void any() {
        }
    }

    private static AccessRule rule(Class<?> type, Method method) {
        return SecurityAnnotations.resolve(type, method).orElse(null);
    }

    private static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name) && !m.isBridge())
                .findFirst().or(() -> Arrays.stream(type.getDeclaredMethods())
                        .filter(m -> m.getName().equals(name) && !m.isBridge()).findFirst()).orElseThrow();
    }

    private static Set<String> scopes(AccessRule rule) {
        return rule.scopes().stream().flatMap(s -> s.scopes().stream()).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void whenGenericInterfaceMethodAnnotatedThenImplementationAndBridgeResolveTheRole() {
        assertEquals(Set.of("admin"), rule(Gen.class, method(Gen.class, "put")).roles());
        Method bridge = Arrays.stream(Gen.class.getDeclaredMethods()).filter(Method::isBridge).findFirst()
                .orElseThrow();
        assertEquals(Set.of("admin"), rule(Gen.class, bridge).roles());
    }

    @Test
    void whenGenericSuperclassMethodAnnotatedThenParameterizedOverrideResolves() {
        assertEquals(Set.of("write"), scopes(rule(GenericSub.class, method(GenericSub.class, "post"))));
    }

    @Test
    void whenInterfaceClassHasRolesThenImplementationMethodGetsThem() {
        AccessRule rule = rule(ApiImpl.class, method(ApiImpl.class, "get"));
        assertEquals(Set.of("admin"), rule.roles());
        assertTrue(rule.sources().get(0).contains("interface " + Api.class.getName()));
    }

    @Test
    void whenSuperclassRolesAndSubclassScopeThenBothHold() {
        AccessRule rule = rule(Impl.class, method(Impl.class, "m"));
        assertEquals(Set.of("admin"), rule.roles());
        assertEquals(Set.of("read"), scopes(rule));
    }

    @Test
    void whenDefaultMethodAnnotatedThenItApplies() {
        assertEquals(Set.of("admin"), rule(DefaultImpl.class, method(DefaultImpl.class, "d")).roles());
    }

    @Test
    void whenScopesOnEveryLevelThenAllAccumulate() {
        assertEquals(Set.of("a", "b", "c", "d"), scopes(rule(ScopedImpl.class, method(ScopedImpl.class, "x"))));
        assertEquals(4, rule(ScopedImpl.class, method(ScopedImpl.class, "x")).scopes().size());
    }

    @Test
    void whenPermitAllWouldDropAnInheritedScopeThenDeploymentFailsNamingTheMethod() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> rule(PermitsInheritedScope.class, method(PermitsInheritedScope.class, "open")));
        assertTrue(e.getMessage().contains(PermitsInheritedScope.class.getName() + "#open()"), e.getMessage());
    }

    @Test
    void whenDifferentRolesAtTheSameDistanceThenDeploymentFails() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> rule(Conflicting.class, method(Conflicting.class, "both")));
        assertTrue(e.getMessage().contains("same distance"), e.getMessage());
    }

    @Test
    void whenMethodHasRolesThenTheNearestWins() {
        AccessRule rule = rule(NearestMethodWins.class, method(NearestMethodWins.class, "get"));
        assertEquals(Set.of("user"), rule.roles());
        assertTrue(rule.sources().contains("(overrides @RolesAllowed({\"admin\"}) on interface " + Api.class.getName()
                + ")"), rule.sources().toString());
    }

    @Test
    void whenDenyAllOnClassWithInheritedScopeThenDenied() {
        assertTrue(rule(Closed.class, method(Closed.class, "any")).denyAll());
    }

    @Test
    void whenNothingDeclaredThenThePolicyDecides() {
        Method any = method(Plain.class, "any");
        assertTrue(SecurityAnnotations.resolve(Plain.class, any).isEmpty());
        assertTrue(AccessRule.of(Plain.class, any, UnannotatedPolicy.AUTHENTICATED).authenticated());
        assertTrue(AccessRule.of(Plain.class, any, UnannotatedPolicy.DENY).denyAll());
        assertFalse(AccessRule.of(Plain.class, any, UnannotatedPolicy.PERMIT).authenticated());
    }
}

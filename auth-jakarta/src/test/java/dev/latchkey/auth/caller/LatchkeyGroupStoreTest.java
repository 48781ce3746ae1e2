package dev.latchkey.auth.caller;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatchkeyGroupStoreTest {

    /** {@code ops} for the Basic user {@code alice}, whatever else. */
    private final LatchkeyGroupStore store = new LatchkeyGroupStore(Set.of("basic")) {
        @Override
        protected Set<String> groups(CallerKey caller) {
            return caller.equals(new CallerKey("basic", Optional.empty(), "alice")) ? Set.of("ops") : Set.of();
        }
    };

    private Set<String> groupsOf(CallerPrincipal principal) {
        return store.getCallerGroups(new CredentialValidationResult(principal));
    }

    @Test
    void whenTheCallerIsOfADeclaredMechanismThenItsKeyDecides() {
        assertEquals(Set.of(ValidationType.PROVIDE_GROUPS), store.validationTypes());
        assertEquals(Set.of("ops"), groupsOf(new LatchkeyCaller("alice", "basic", Set.of(), Set.of(), Map.of(), null)));
    }

    @Test
    void whenTheCallerIsOfAnotherKindOrAPlainPrincipalThenNoGroups() {
        assertEquals(Set.of(), groupsOf(new LatchkeyCaller("alice", "api-key", Set.of(), Set.of(), Map.of(), null)));
        assertEquals(Set.of(), groupsOf(new CallerPrincipal("alice")));
    }
}

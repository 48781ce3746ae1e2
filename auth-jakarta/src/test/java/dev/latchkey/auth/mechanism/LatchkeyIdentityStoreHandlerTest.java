package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.caller.LatchkeyCaller;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The default IdentityStoreHandler rules (Jakarta Security 3.0, chapter 3), as Latchkey runs them on Jetty. */
class LatchkeyIdentityStoreHandlerTest {

    private static final Credential ALICE = new UsernamePasswordCredential("alice", "pw");
    private final List<String> asked = new ArrayList<>();

    private IdentityStore store(String name, int priority, Set<IdentityStore.ValidationType> types,
                                Function<Credential, CredentialValidationResult> validate, Set<String> groups) {
        return new IdentityStore() {
            @Override
            public CredentialValidationResult validate(Credential credential) {
                asked.add(name);
                return validate.apply(credential);
            }

            @Override
            public Set<String> getCallerGroups(CredentialValidationResult result) {
                return groups;
            }

            @Override
            public int priority() {
                return priority;
            }

            @Override
            public Set<ValidationType> validationTypes() {
                return types;
            }
        };
    }

    private static final Set<IdentityStore.ValidationType> BOTH = EnumSet.allOf(IdentityStore.ValidationType.class);
    private static final Set<IdentityStore.ValidationType> VALIDATE = EnumSet.of(IdentityStore.ValidationType.VALIDATE);
    private static final Set<IdentityStore.ValidationType> GROUPS =
            EnumSet.of(IdentityStore.ValidationType.PROVIDE_GROUPS);

    private static CredentialValidationResult latchkey(Set<String> groups) {
        LatchkeyCaller caller = new LatchkeyCaller("alice", "basic", groups, Set.of(), Map.of(), "alice");
        return new CredentialValidationResult(caller, groups);
    }

    @Test
    void whenStoresHavePrioritiesThenTheyAreAskedInOrderUntilOneIsValid() {
        var handler = new LatchkeyIdentityStoreHandler(List.of(
                store("late", 200, BOTH, c -> latchkey(Set.of("x")), Set.of()),
                store("early", 10, BOTH, c -> CredentialValidationResult.INVALID_RESULT, Set.of()),
                store("middle", 100, BOTH, c -> latchkey(Set.of("staff")), Set.of())));
        assertEquals(Set.of("staff"), handler.validate(ALICE).getCallerGroups());
        assertEquals(List.of("early", "middle"), asked);
    }

    @Test
    void whenNothingChangesTheGroupsThenTheStoresResultAndCallerArePassedOnAsTheyAre() {
        CredentialValidationResult result = latchkey(Set.of("staff"));
        var handler = new LatchkeyIdentityStoreHandler(List.of(store("own", 100, BOTH, c -> result, Set.of())));
        CredentialValidationResult handled = handler.validate(ALICE);
        assertSame(result, handled, "no re-wrapping of a Latchkey store's result");
        assertSame(result.getCallerPrincipal(), LatchkeyCaller.from(handled, "basic", null, Map.of()),
                "nor of its caller");
    }

    @Test
    void whenGroupOnlyStoresAddGroupsThenTheyJoinAndAStoreWithoutProvideGroupsGivesNone() {
        var handler = new LatchkeyIdentityStoreHandler(List.of(
                store("validator", 100, VALIDATE, c -> latchkey(Set.of("ignored")), Set.of()),
                store("groups", 100, GROUPS, c -> CredentialValidationResult.NOT_VALIDATED_RESULT, Set.of("extra"))));
        assertEquals(Set.of("extra"), handler.validate(ALICE).getCallerGroups());
        assertEquals(List.of("validator"), asked, "a group-only store is not asked to validate");
    }

    @Test
    void whenNoStoreIsValidThenInvalidIfOneSaidSoElseNotValidated() {
        var invalid = new LatchkeyIdentityStoreHandler(List.of(
                store("a", 1, BOTH, c -> CredentialValidationResult.NOT_VALIDATED_RESULT, Set.of()),
                store("b", 2, BOTH, c -> CredentialValidationResult.INVALID_RESULT, Set.of())));
        assertEquals(CredentialValidationResult.Status.INVALID, invalid.validate(ALICE).getStatus());
        var none = new LatchkeyIdentityStoreHandler(List.of(
                store("a", 1, BOTH, c -> CredentialValidationResult.NOT_VALIDATED_RESULT, Set.of())));
        assertEquals(CredentialValidationResult.Status.NOT_VALIDATED, none.validate(ALICE).getStatus());
        assertEquals(CredentialValidationResult.Status.NOT_VALIDATED,
                new LatchkeyIdentityStoreHandler(List.of()).validate(ALICE).getStatus());
    }
}

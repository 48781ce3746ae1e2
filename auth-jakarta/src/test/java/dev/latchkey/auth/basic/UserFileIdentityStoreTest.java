package dev.latchkey.auth.basic;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.fixtures.CountingHasher;
import jakarta.security.enterprise.credential.CallerOnlyCredential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UserFileIdentityStoreTest {

    @TempDir
    Path dir;

    private Path usersFile() {
        return dir.resolve("users.properties");
    }

    private UserFileIdentityStore store(CountingHasher hasher) {
        return new UserFileIdentityStore(BasicSettings.defaults(usersFile()), hasher);
    }

    private static UsernamePasswordCredential cred(String user, String password) {
        return new UsernamePasswordCredential(user, password);
    }

    @Test
    void whenPasswordMatchesThenValidWithGroups() throws Exception {
        new UserFileAdmin(usersFile()).add("alice", "correct horse".toCharArray(), Set.of("admin", "ops"));
        CredentialValidationResult r = store(new CountingHasher()).validate(cred("alice", "correct horse"));
        assertEquals(CredentialValidationResult.Status.VALID, r.getStatus());
        assertEquals(Set.of("admin", "ops"), r.getCallerGroups());
        LatchkeyCaller caller = assertInstanceOf(LatchkeyCaller.class, r.getCallerPrincipal());
        assertEquals("alice", caller.getName());
        assertEquals("basic", caller.mechanism());
    }

    @Test
    void whenUnknownUserOrWrongPasswordThenSameResultAndSameWork() throws Exception {
        new UserFileAdmin(usersFile()).add("alice", "correct horse".toCharArray(), Set.of());
        CountingHasher hasher = new CountingHasher();
        UserFileIdentityStore store = store(hasher);
        hasher.verifiedIterations.clear();

        CredentialValidationResult wrong = store.validate(cred("alice", "wrong"));
        List<String> wrongWork = List.copyOf(hasher.verifiedIterations);
        hasher.verifiedIterations.clear();
        CredentialValidationResult unknown = store.validate(cred("mallory", "wrong"));
        List<String> unknownWork = List.copyOf(hasher.verifiedIterations);

        assertSame(CredentialValidationResult.INVALID_RESULT, wrong);
        assertSame(CredentialValidationResult.INVALID_RESULT, unknown);
        assertEquals(List.of(String.valueOf(PasswordHasher.DEFAULT_ITERATIONS)), wrongWork);
        assertEquals(wrongWork, unknownWork, "the unknown user must be verified against a dummy hash of equal cost");
    }

    @Test
    void whenPasswordEmptyThenInvalidNotAnError() throws Exception {
        new UserFileAdmin(usersFile()).add("alice", "pw".toCharArray(), Set.of());
        assertSame(CredentialValidationResult.INVALID_RESULT, store(new CountingHasher()).validate(cred("alice", "")));
    }

    @Test
    void whenFileChangesThenReloaded() throws Exception {
        UserFileAdmin admin = new UserFileAdmin(usersFile());
        admin.add("alice", "one".toCharArray(), Set.of());
        UserFileIdentityStore store = store(new CountingHasher());
        assertEquals(CredentialValidationResult.Status.INVALID, store.validate(cred("bob", "two")).getStatus());

        admin.add("bob", "two".toCharArray(), Set.of("g"));
        Files.setLastModifiedTime(usersFile(), FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(CredentialValidationResult.Status.VALID, store.validate(cred("bob", "two")).getStatus());
    }

    @Test
    void whenFileMissingThenNoUsers() {
        assertEquals(CredentialValidationResult.Status.INVALID,
                store(new CountingHasher()).validate(cred("alice", "x")).getStatus());
    }

    @Test
    void whenFileCorruptFromTheStartThen503() throws Exception {
        Files.writeString(usersFile(), "alice = md5$deadbeef\n");
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class,
                () -> store(new CountingHasher()).validate(cred("alice", "x")));
        assertEquals(503, f.error().status());
    }

    @Test
    void whenFileCorruptAfterGoodLoadThenLastGoodKept() throws Exception {
        new UserFileAdmin(usersFile()).add("alice", "one".toCharArray(), Set.of());
        UserFileIdentityStore store = store(new CountingHasher());
        assertEquals(CredentialValidationResult.Status.VALID, store.validate(cred("alice", "one")).getStatus());

        Files.writeString(usersFile(), "alice = garbage-that-is-longer-than-before\n");
        Files.setLastModifiedTime(usersFile(), FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(CredentialValidationResult.Status.VALID, store.validate(cred("alice", "one")).getStatus());
    }

    @Test
    void whenOtherCredentialTypeThenNotValidated() {
        assertSame(CredentialValidationResult.NOT_VALIDATED_RESULT,
                store(new CountingHasher()).validate(new CallerOnlyCredential("alice")));
    }
}

package dev.latchkey.auth.basic;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.file.ReloadingFile;
import dev.latchkey.auth.fixtures.CountingHasher;
import dev.latchkey.test.log.LogCapture;
import jakarta.security.enterprise.credential.CallerOnlyCredential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserFileIdentityStoreTest {

    @TempDir
    Path dir;

    private Path usersFile() {
        return dir.resolve("users.properties");
    }

    private UserFileIdentityStore store(CountingHasher hasher) {
        return new UserFileIdentityStore(() -> BasicSettings.defaults(usersFile()), hasher);
    }

    private static UsernamePasswordCredential cred(String user, String password) {
        return new UsernamePasswordCredential(user, password);
    }

    @Test
    void whenPasswordMatchesThenValidWithGroups() throws Exception {
        UserFileAdmin.of(usersFile()).add("alice", "correct horse".toCharArray(), Set.of("admin", "ops"));
        CredentialValidationResult r = store(new CountingHasher()).validate(cred("alice", "correct horse"));
        assertEquals(CredentialValidationResult.Status.VALID, r.getStatus());
        assertEquals(Set.of("admin", "ops"), r.getCallerGroups());
        LatchkeyCaller caller = assertInstanceOf(LatchkeyCaller.class, r.getCallerPrincipal());
        assertEquals("alice", caller.getName());
        assertEquals("basic", caller.mechanism());
    }

    @Test
    void whenUnknownUserOrWrongPasswordThenSameResultAndSameWork() throws Exception {
        UserFileAdmin.of(usersFile()).add("alice", "correct horse".toCharArray(), Set.of());
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
        UserFileAdmin.of(usersFile()).add("alice", "pw".toCharArray(), Set.of());
        assertSame(CredentialValidationResult.INVALID_RESULT, store(new CountingHasher()).validate(cred("alice", "")));
    }

    @Test
    void whenFileChangesThenReloaded() throws Exception {
        UserFileAdmin admin = UserFileAdmin.of(usersFile());
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
        UserFileAdmin.of(usersFile()).add("alice", "one".toCharArray(), Set.of());
        UserFileIdentityStore store = store(new CountingHasher());
        assertEquals(CredentialValidationResult.Status.VALID, store.validate(cred("alice", "one")).getStatus());

        Files.writeString(usersFile(), "alice = garbage-that-is-longer-than-before\n");
        Files.setLastModifiedTime(usersFile(), FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(CredentialValidationResult.Status.VALID, store.validate(cred("alice", "one")).getStatus());
    }

    /** A correct PBKDF2 hash of {@code password} with a count {@link PasswordHasher#hash} refuses to produce. */
    private static String hashWithIterations(String password, int iterations) throws Exception {
        byte[] salt = new byte[16];
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Test
    void whenHashBelowMinimumIterationsFromTheStartThen503NotValid() throws Exception {
        Files.writeString(usersFile(), "mallory = " + hashWithIterations("pw", 1000) + ";admin\n");
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class,
                () -> store(new CountingHasher()).validate(cred("mallory", "pw")));
        assertEquals(503, f.error().status());
    }

    @Test
    void whenWeakHashAddedAfterGoodLoadThenLastGoodKeptAndLogNamesTheUserNotTheHash() throws Exception {
        UserFileAdmin.of(usersFile()).add("alice", "one".toCharArray(), Set.of());
        UserFileIdentityStore store = store(new CountingHasher());
        assertEquals(CredentialValidationResult.Status.VALID, store.validate(cred("alice", "one")).getStatus());

        String weak = hashWithIterations("pw", 1);
        Files.writeString(usersFile(), "mallory = " + weak + "\n", StandardOpenOption.APPEND);
        Files.setLastModifiedTime(usersFile(), FileTime.from(Instant.now().plusSeconds(5)));
        try (LogCapture log = LogCapture.of(ReloadingFile.class)) {
            assertEquals(CredentialValidationResult.Status.INVALID, store.validate(cred("mallory", "pw")).getStatus());
            assertEquals(CredentialValidationResult.Status.VALID, store.validate(cred("alice", "one")).getStatus());
            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("[mallory]"), warnings.get(0));
            assertFalse(warnings.get(0).contains(weak.split("\\$")[3]), "the hash is never logged");
        }
    }

    @Test
    void whenHashIterationsDifferFromTheConfiguredCountThenWarnedByUserName() throws Exception {
        new UserFileAdmin(usersFile(), new PasswordHasher(), PasswordHasher.DEFAULT_ITERATIONS + 1)
                .add("alice", "one".toCharArray(), Set.of());
        UserFileAdmin.of(usersFile()).add("bob", "two".toCharArray(), Set.of());
        try (LogCapture log = LogCapture.of(UserFileIdentityStore.class)) {
            UserFileIdentityStore store = store(new CountingHasher());
            assertEquals(CredentialValidationResult.Status.VALID, store.validate(cred("alice", "one")).getStatus());
            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("users [alice] have"), warnings.get(0));
        }
    }

    @Test
    void whenOtherCredentialTypeThenNotValidated() {
        assertSame(CredentialValidationResult.NOT_VALIDATED_RESULT,
                store(new CountingHasher()).validate(new CallerOnlyCredential("alice")));
    }
}

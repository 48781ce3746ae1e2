package dev.latchkey.auth.basic;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.cdi.Lazy;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.file.ReloadingFile;
import dev.latchkey.auth.request.LogSafe;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The embedded default store for Basic credentials: users with PBKDF2 hashes and groups from the users file
 * ({@code latchkey.basic.users-file}, format in {@link UserFile}), reloaded when it changes ({@link ReloadingFile}).
 *
 * <p>No user enumeration: an unknown user costs one PBKDF2 verification against a dummy hash with the configured
 * parameters, exactly like a wrong password, and both return {@link CredentialValidationResult#INVALID_RESULT}. A
 * file with a hash below {@link PasswordHasher#MIN_ITERATIONS} iterations is refused like a malformed one; hashes with
 * another count than {@code latchkey.basic.pbkdf2.iterations} are logged as a warning (they take a different time).
 *
 * <p>User names are compared after {@link Usernames#normalize} (NFC), like the {@link LoginThrottle}'s counters.
 *
 * <p>A missing file means "no users" (logged once). A file that cannot be read or parsed keeps the last good user list
 * (logged); if none was ever loaded the store answers 503, since it cannot tell a wrong password from a broken file.
 * Applications with their own {@code IdentityStore} (database, LDAP) keep working: the Basic kind goes through
 * the {@code IdentityStoreHandler}.
 */
public class UserFileIdentityStore implements IdentityStore {

    private static final System.Logger LOG = System.getLogger(UserFileIdentityStore.class.getName());

    private final PasswordHasher hasher;
    private final Supplier<Users> users;

    /**
     * The users file and the dummy hash of unknown users: same algorithm and iterations as new users' hashes, so
     * that unknown users take as long as known ones.
     */
    private record Users(Path file, int iterations, String dummyHash, ReloadingFile<Map<String, UserRecord>> records) {
    }

    /** @param settings read on the first user credential: an application without Basic users needs none */
    public UserFileIdentityStore(Supplier<BasicSettings> settings, PasswordHasher hasher) {
        this.hasher = hasher;
        this.users = Lazy.of(() -> users(settings.get()));
    }

    private Users users(BasicSettings settings) {
        Path file = settings.usersFile();
        char[] random = java.util.UUID.randomUUID().toString().toCharArray();
        return new Users(file, settings.hashIterations(), hasher.hash(random, settings.hashIterations()),
                new ReloadingFile<>(file, "Basic users file",
                        f -> checkIterations(UserFile.read(f), file, settings.hashIterations()), Map.of()));
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential upc)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Users current = users.get();
        UserRecord user = users(current).get(Usernames.normalize(upc.getCaller()));
        char[] password = upc.getPassword().getValue();
        boolean ok;
        if (user == null) {
            hasher.verify(password, current.dummyHash());
            ok = false;
        } else {
            ok = hasher.verify(password, user.passwordHash());
        }
        if (!ok) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        LatchkeyCaller caller = new LatchkeyCaller(user.username(), BasicKind.NAME, user.groups(), Set.of(),
                Map.of("users_file", current.file().getFileName().toString()), user.username());
        return new CredentialValidationResult(caller, user.groups());
    }

    /** The current users, reloading the file when it changed. */
    Map<String, UserRecord> users() {
        return users(users.get());
    }

    private static Map<String, UserRecord> users(Users current) {
        try {
            return current.records().get();
        } catch (IOException e) {
            throw new AuthenticationFailure(AuthError.unavailable("user store unavailable", "user_store_unavailable"));
        }
    }

    /**
     * Refuses the file when a hash has fewer iterations than {@link PasswordHasher#MIN_ITERATIONS} (the last good
     * version stays); warns about hashes whose count differs from {@code latchkey.basic.pbkdf2.iterations}, since
     * those users' logins take a different time than an unknown user's (the dummy hash uses the configured count).
     * Log lines and messages name users, never hashes.
     */
    private static Map<String, UserRecord> checkIterations(Map<String, UserRecord> users, Path file, int iterations)
            throws IOException {
        users = byNormalizedName(users);
        List<String> weak = new ArrayList<>();
        List<String> different = new ArrayList<>();
        users.values().forEach(u -> {
            int n = PasswordHasher.iterations(u.passwordHash());
            if (n < PasswordHasher.MIN_ITERATIONS) {
                weak.add(u.username());
            } else if (n != iterations) {
                different.add(u.username());
            }
        });
        if (!weak.isEmpty()) {
            throw new IOException("hashes with fewer than " + PasswordHasher.MIN_ITERATIONS
                    + " PBKDF2 iterations for users " + sample(weak) + "; set new passwords");
        }
        if (!different.isEmpty()) {
            LOG.log(Level.WARNING, "users file {0}: users {1} have a PBKDF2 iteration count other than {2} ({3}), so"
                            + " their logins can be told from unknown users'' by timing; set new passwords",
                    file.toAbsolutePath(), sample(different), BasicSettings.ITERATIONS, iterations);
        }
        return users;
    }

    /** The users keyed by {@link Usernames#normalize}; two entries that normalize alike refuse the file. */
    private static Map<String, UserRecord> byNormalizedName(Map<String, UserRecord> users) throws IOException {
        Map<String, UserRecord> byName = new HashMap<>();
        for (UserRecord u : users.values()) {
            UserRecord twin = byName.put(Usernames.normalize(u.username()), u);
            if (twin != null) {
                throw new IOException("users '" + LogSafe.value(twin.username(), 64) + "' and '"
                        + LogSafe.value(u.username(), 64) + "' are the same name after Unicode normalization (NFC)");
            }
        }
        return Map.copyOf(byName);
    }

    private static String sample(List<String> names) {
        return names.size() <= 10 ? names.toString() : names.subList(0, 10) + " and " + (names.size() - 10) + " more";
    }
}

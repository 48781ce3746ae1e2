package dev.latchkey.auth.basic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Administration of the users file, for command-line tools such as {@code sample-app user add alice --groups admin}.
 * Every change rewrites the file atomically; a running {@link UserFileIdentityStore} picks it up on its next check.
 * Passwords are taken as {@code char[]} and cleared after hashing.
 */
public record UserFileAdmin(Path file, PasswordHasher hasher, int iterations) {

    /** With the default hasher and iteration count. */
    public static UserFileAdmin of(Path file) {
        return new UserFileAdmin(file, new PasswordHasher(), PasswordHasher.DEFAULT_ITERATIONS);
    }

    /** Adds a user; fails when it exists. Clears {@code password}. */
    public synchronized void add(String username, char[] password, Set<String> groups) throws IOException {
        Map<String, UserRecord> users = load();
        if (users.keySet().stream().anyMatch(u -> Usernames.normalize(u).equals(Usernames.normalize(username)))) {
            clear(password);
            throw new IllegalArgumentException("user '" + username + "' already exists");
        }
        users.put(username, new UserRecord(username, hashAndClear(password), groups));
        UserFile.write(file, users);
    }

    /** Sets a new password, keeping the groups. Clears {@code password}. */
    public synchronized void setPassword(String username, char[] password) throws IOException {
        Map<String, UserRecord> users = load();
        UserRecord old = users.get(username);
        if (old == null) {
            clear(password);
            throw new IllegalArgumentException("no user '" + username + "'");
        }
        users.put(username, new UserRecord(username, hashAndClear(password), old.groups()));
        UserFile.write(file, users);
    }

    public synchronized void setGroups(String username, Set<String> groups) throws IOException {
        Map<String, UserRecord> users = load();
        UserRecord old = users.get(username);
        if (old == null) {
            throw new IllegalArgumentException("no user '" + username + "'");
        }
        users.put(username, new UserRecord(username, old.passwordHash(), groups));
        UserFile.write(file, users);
    }

    /** @return whether the user existed */
    public synchronized boolean remove(String username) throws IOException {
        Map<String, UserRecord> users = load();
        if (users.remove(username) == null) {
            return false;
        }
        UserFile.write(file, users);
        return true;
    }

    public synchronized Optional<UserRecord> find(String username) throws IOException {
        return Optional.ofNullable(load().get(username));
    }

    /** The users, sorted by name; hashes included (they are not printed by {@link UserRecord#toString()}). */
    public synchronized Map<String, UserRecord> list() throws IOException {
        return Map.copyOf(load());
    }

    private Map<String, UserRecord> load() throws IOException {
        return Files.exists(file) ? new TreeMap<>(UserFile.read(file)) : new TreeMap<>();
    }

    private String hashAndClear(char[] password) {
        try {
            return hasher.hash(password, iterations);
        } finally {
            clear(password);
        }
    }

    private static void clear(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}

package dev.latchkey.auth.basic;

import java.util.Objects;
import java.util.Set;

/**
 * One user of the users file: name, encoded password hash (see {@link PasswordHasher}) and groups.
 * {@code toString()} never prints the hash.
 */
public record UserRecord(String username, String passwordHash, Set<String> groups) {

    public UserRecord {
        UserFile.checkUsername(username);
        Objects.requireNonNull(passwordHash, "passwordHash");
        groups = Set.copyOf(groups);
        groups.forEach(UserFile::checkGroup);
    }

    @Override
    public String toString() {
        return "UserRecord[username=" + username + ", groups=" + groups + "]";
    }
}

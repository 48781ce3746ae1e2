package dev.latchkey.test;

import dev.latchkey.auth.basic.UserFileAdmin;
import dev.latchkey.test.http.Credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Adds HTTP Basic users to the users file the server reads ({@code latchkey.basic.users-file}; it picks changes up on
 * the next request). PBKDF2 at the production iteration count: each user takes a moment.
 */
public final class BasicUsers {

    private final Path file;

    BasicUsers(Path file) {
        this.file = file;
    }

    /** Adds {@code name} with {@code password} and {@code groups}; the credential sends them over TLS. */
    public Credential add(String name, String password, String... groups) {
        try {
            UserFileAdmin.of(file).add(name, password.toCharArray(), Set.of(groups));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Credential.basic(name, password);
    }

    public Path file() {
        return file;
    }
}

package dev.latchkey.containers.support;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Writes a Latchkey users file ({@code name = pbkdf2-sha256$iterations$salt$hash;groups}, README "HTTP Basic") with
 * the JDK's PBKDF2: the library itself is only inside the WARs, never on the test class path.
 */
public final class UsersFile {

    private static final int ITERATIONS = 210_000;

    private UsersFile() {
    }

    public static void write(Path file, String user, String password, String groups) {
        try {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            Files.createDirectories(file.getParent());
            Files.writeString(file, user + " = pbkdf2-sha256$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                    + b64.encodeToString(hash) + ";" + groups + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.latchkey.sample;

import dev.latchkey.devcerts.DevCertificateFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Development TLS material in {@code latchkey.sample.certs-dir} (default {@code .latchkey/certs}), written by
 * {@link DevCertificateFiles#generate}: a CA, a {@code localhost} server key store, a trust store with the CA (for
 * client certificates) and two client certificates. The PKCS#12 password is random, kept in {@value #PASSWORD_FILE}
 * (owner-only) beside the stores, and never printed. Development only.
 */
public final class DevTls {

    public static final String PASSWORD_FILE = "store-password";

    /** The stores the HTTPS connector needs. {@code toString()} omits the password. */
    public record Material(Path directory, String password, boolean generated) {
        public DevCertificateFiles.Layout files() {
            return new DevCertificateFiles.Layout(directory);
        }

        @Override
        public String toString() {
            return "Material[directory=" + directory + ", generated=" + generated + "]";
        }
    }

    private DevTls() {
    }

    /** Reuses the certificates in {@code dir} when complete, otherwise generates them. */
    public static Material ensure(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(PASSWORD_FILE))
                && new DevCertificateFiles.Layout(dir).all().stream().allMatch(Files::isRegularFile)) {
            String password = Files.readString(dir.resolve(PASSWORD_FILE), StandardCharsets.US_ASCII).trim();
            return new Material(dir, password, false);
        }
        return generate(dir);
    }

    /** Generates a fresh set into {@code dir}, replacing any previous one. */
    public static Material generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        Files.deleteIfExists(passwordFile);
        try {
            // Owner-only from its creation: never readable by others, not even empty.
            Files.createFile(passwordFile,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(passwordFile); // not a POSIX file system: rely on the directory's permissions
        }
        DevCertificateFiles.generate(dir, password.toCharArray());
        Files.writeString(passwordFile, password + "\n", StandardCharsets.US_ASCII);
        return new Material(dir, password, true);
    }
}

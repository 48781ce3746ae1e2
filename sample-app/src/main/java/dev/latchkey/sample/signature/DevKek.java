package dev.latchkey.sample.signature;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.sample.SettableConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sample's development key-encryption key for HMAC signature secrets ({@code latchkey.signature.kek}): 32 random
 * bytes in Base64, generated on first use into {@code latchkey.sample.signature-kek-file} (default
 * {@code .latchkey/signature-kek}, owner-only), and read by the server and the CLI alike, so that both seal and open
 * the same secrets. As a config source its ordinal is {@value #ORDINAL}: a KEK configured anywhere else wins.
 * Development only: a production KEK comes from a secret store, never from a file next to the data it protects.
 */
public final class DevKek extends SettableConfigSource {

    public static final String PROPERTY = "latchkey.signature.kek";
    public static final String FILE_PROPERTY = "latchkey.sample.signature-kek-file";
    public static final String DEFAULT_FILE = ".latchkey/signature-kek";
    static final int ORDINAL = 90;
    private static final AtomicReference<String> CURRENT = new AtomicReference<>();

    public DevKek() {
        super("latchkey-sample-signature-kek", PROPERTY, ORDINAL, CURRENT);
    }

    /** Loads the KEK in {@code file}, generating it first when absent, and makes it {@value #PROPERTY}. */
    public static void use(Path file) throws IOException {
        CURRENT.set(ensure(file));
    }

    /**
     * Unless {@value #PROPERTY} is configured elsewhere, uses the development KEK of {@value #FILE_PROPERTY}
     * (generated on first use). Server and CLI both call this, so they seal and open with the same KEK.
     */
    public static void useUnlessConfigured(ConfigReader config) {
        if (config.string(PROPERTY).isPresent() && CURRENT.get() == null) {
            return;
        }
        try {
            use(Path.of(config.string(FILE_PROPERTY, DEFAULT_FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development KEK", e);
        }
    }

    static String ensure(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] kek = new byte[32];
            new SecureRandom().nextBytes(kek);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                return read(file); // another process created it meanwhile
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(kek) + "\n", StandardCharsets.US_ASCII);
        }
        return read(file);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }
}

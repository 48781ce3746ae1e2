package dev.latchkey.auth.basic;

import dev.latchkey.auth.file.AtomicFile;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads and writes the users file of {@link UserFileIdentityStore}.
 *
 * <p>Format: a UTF-8 {@link Properties} file, one user per entry, the username as key (escaped as {@code Properties}
 * escapes keys) and as value the encoded hash followed, after a {@code ;}, by a comma-separated list of groups:
 * <pre>
 * # Latchkey users: username = pbkdf2-sha256$iterations$salt$hash;group1,group2
 * alice = pbkdf2-sha256$210000$3q2+7w...$mQ2x...;admin,ops
 * bob = pbkdf2-sha256$210000$yv66vg...$0Kk1...;
 * </pre>
 * Usernames must not contain {@code :} (RFC 7617 §2) or control characters; groups must not contain {@code ,}, {@code ;}
 * or whitespace. Written atomically (temporary file, then rename), with owner-only permissions where POSIX.
 */
public final class UserFile {

    private UserFile() {
    }

    /** The longest username accepted, in UTF-16 code units. */
    public static final int MAX_USERNAME_LENGTH = 256;

    /** @throws IllegalArgumentException when {@code username} cannot be a user of this file (the message says why) */
    public static void checkUsername(String username) {
        if (username == null || username.isEmpty() || username.length() > MAX_USERNAME_LENGTH) {
            throw new IllegalArgumentException("username must be 1 to " + MAX_USERNAME_LENGTH + " characters");
        }
        if (username.indexOf(':') >= 0 || username.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("username must not contain ':' or control characters");
        }
    }

    /** @throws IllegalArgumentException when {@code group} cannot be a group of this file (the message says why) */
    public static void checkGroup(String group) {
        if (group == null || group.isEmpty() || group.chars().anyMatch(c -> c == ',' || c == ';'
                || Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("group names must be non-empty, without ',', ';' or whitespace");
        }
    }

    /** Parses users; a malformed entry fails the whole file with a message naming the user (never the hash). */
    public static Map<String, UserRecord> read(Reader reader) throws IOException {
        Properties props = new Properties();
        props.load(reader);
        Map<String, UserRecord> users = new TreeMap<>();
        for (String name : props.stringPropertyNames()) {
            String value = props.getProperty(name).trim();
            int semi = value.indexOf(';');
            String hash = semi < 0 ? value : value.substring(0, semi).trim();
            Set<String> groups = semi < 0 ? Set.of() : Arrays.stream(value.substring(semi + 1).split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
            try {
                PasswordHasher.checkFormat(hash);
                users.put(name, new UserRecord(name, hash, groups));
            } catch (IllegalArgumentException e) {
                throw new IOException("users file: bad entry for user '" + printable(name) + "': " + e.getMessage());
            }
        }
        return Collections.unmodifiableMap(users);
    }

    public static Map<String, UserRecord> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    public static void write(Writer writer, Map<String, UserRecord> users) throws IOException {
        // Properties.store escapes keys and values; written entry by entry to keep the file sorted and diff-friendly.
        writer.write("# Latchkey users: username = pbkdf2-sha256$iterations$salt$hash;group1,group2\n");
        for (UserRecord u : new TreeMap<>(users).values()) {
            Properties one = new Properties();
            one.setProperty(u.username(), u.passwordHash() + ";" + String.join(",", u.groups().stream().sorted().toList()));
            StringWriter line = new StringWriter();
            one.store(line, null);
            for (String l : line.toString().split("\\R")) {
                if (!l.startsWith("#") && !l.isEmpty()) {
                    writer.write(l);
                    writer.write('\n');
                }
            }
        }
    }

    /** Replaces {@code file} atomically with {@code users}, creating parent directories. */
    public static void write(Path file, Map<String, UserRecord> users) throws IOException {
        AtomicFile.replace(file, out -> write(out, users));
    }

    private static String printable(String s) {
        return s.codePoints().filter(c -> !Character.isISOControl(c)).limit(64)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}

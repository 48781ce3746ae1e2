package dev.latchkey.sample.cli;

import dev.latchkey.auth.basic.UserFile;
import dev.latchkey.auth.basic.UserFileAdmin;
import dev.latchkey.auth.basic.UserRecord;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code user add|list|remove}: the Basic users file through {@link UserFileAdmin}. The password is read by the
 * {@link CliIo.PasswordSource} (console without echo, or one line of standard input) and never printed.
 */
public record UserCommand(UserFileAdmin admin, CliIo io) {

    /** Checks the sub-command and its arguments before the users file is touched. */
    public static Action prepare(List<String> args, Supplier<UserFileAdmin> admin, CliIo io) {
        SubCommand sub = SubCommand.of("user", args, "add, list or remove");
        List<String> rest = sub.rest();
        return switch (sub.name()) {
            case "add" -> {
                Arguments a = Arguments.parse(rest, Set.of("--groups"), Set.of()).expectPositional(1, "user name");
                String name = username(a.positional(0));
                Set<String> groups = groups(a.set("--groups"));
                yield () -> new UserCommand(admin.get(), io).add(name, groups);
            }
            case "list" -> {
                Arguments.parse(rest, Set.of(), Set.of()).expectPositional(0, "");
                yield () -> new UserCommand(admin.get(), io).list();
            }
            case "remove" -> {
                Arguments a = Arguments.parse(rest, Set.of(), Set.of()).expectPositional(1, "user name");
                String name = username(a.positional(0));
                yield () -> new UserCommand(admin.get(), io).remove(name);
            }
            default -> throw sub.unknown();
        };
    }

    void add(String name, Set<String> groups) throws IOException {
        if (admin.find(name).isPresent()) {
            throw new IllegalArgumentException("user '" + name + "' already exists");
        }
        char[] password = io.passwords().read("Password for " + name + ": ");
        admin.add(name, password, groups); // clears the password
        io.out().println("Added user " + name + " (groups: " + String.join(",", new TreeSet<>(groups)) + ").");
    }

    void list() throws IOException {
        Map<String, UserRecord> users = new TreeMap<>(admin.list());
        if (users.isEmpty()) {
            io.out().println("No users.");
            return;
        }
        io.out().printf("%-24s %s%n", "USER", "GROUPS");
        users.values().forEach(u -> io.out().printf("%-24s %s%n", u.username(),
                String.join(",", new TreeSet<>(u.groups()))));
    }

    void remove(String name) throws IOException {
        if (!admin.remove(name)) {
            throw new IllegalArgumentException("no user '" + name + "'");
        }
        io.out().println("Removed user " + name + ".");
    }

    /** The users file's own rules ({@link UserFile#checkUsername}), checked before any password prompt. */
    private static String username(String name) {
        try {
            UserFile.checkUsername(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad user name: " + e.getMessage());
        }
        return name;
    }

    private static Set<String> groups(Set<String> groups) {
        try {
            groups.forEach(UserFile::checkGroup);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad --groups: " + e.getMessage());
        }
        return groups;
    }
}

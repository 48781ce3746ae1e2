package dev.latchkey.sample.cli;

import dev.latchkey.auth.basic.UserFileAdmin;
import dev.latchkey.sample.Main;
import dev.latchkey.sample.fixtures.CapturedIo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserCommandTest {

    /** Fails the test when the command gets as far as the users file or the password prompt. */
    private static final Supplier<UserFileAdmin> NO_FILE = () -> {
        throw new AssertionError("the users file must not be touched");
    };

    private static CliIo noPrompt() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new CliIo(sink, sink, prompt -> {
            throw new AssertionError("no password prompt for bad input");
        }, name -> null);
    }

    private static UsageException usageError(String... args) {
        return assertThrows(UsageException.class, () -> UserCommand.prepare(List.of(args), NO_FILE, noPrompt()));
    }

    @Test
    void whenUserNameBreaksTheUsersFileRulesThenUsageErrorBeforeThePrompt() {
        assertTrue(usageError("add", "u".repeat(257)).getMessage().contains("256"));
        usageError("add", "ali:ce");
        usageError("add", "ali\u0007ce");
        usageError("remove", "u".repeat(257));
    }

    @Test
    void whenGroupBreaksTheUsersFileRulesThenUsageErrorBeforeThePrompt() {
        assertTrue(usageError("add", "alice", "--groups", "admin;ops").getMessage().contains("--groups"));
        usageError("add", "alice", "--groups", "ad min");
        usageError("add", "alice", "--groups", "ops,a\tb");
    }

    @Test
    void whenInputIsValidThenPreparedWithoutTouchingAnything() {
        UserCommand.prepare(List.of("add", "u".repeat(256), "--groups", "admin,ops"), NO_FILE, noPrompt());
    }

    @Test
    void whenBadGroupOnTheCommandLineThenExit2() {
        CapturedIo captured = new CapturedIo();
        assertEquals(2, Main.run(new String[]{"user", "add", "alice", "--groups", "a;b"}, captured.io()),
                captured.err());
        assertEquals("", captured.out());
    }
}

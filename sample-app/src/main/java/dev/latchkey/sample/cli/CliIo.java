package dev.latchkey.sample.cli;

import dev.latchkey.auth.basic.PasswordPrompt;

import java.io.IOException;
import java.io.PrintStream;
import java.util.function.UnaryOperator;

/**
 * What a command talks to: standard output and error, a password source and the environment; replaceable in tests.
 */
public record CliIo(PrintStream out, PrintStream err, PasswordSource passwords, UnaryOperator<String> env) {

    /** Reads a password for a prompt; the caller clears the returned array. */
    @FunctionalInterface
    public interface PasswordSource {
        char[] read(String prompt) throws IOException;
    }

    /** The process's streams, {@link PasswordPrompt} (console without echo, else one line of stdin) and env. */
    public static CliIo system() {
        return new CliIo(System.out, System.err, PasswordPrompt::read, System::getenv);
    }
}

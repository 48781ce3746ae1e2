package dev.latchkey.sample.cli;

/** The command line is wrong: the caller prints {@link Usage#TEXT} and exits with status 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}

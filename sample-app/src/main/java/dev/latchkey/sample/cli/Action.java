package dev.latchkey.sample.cli;

/** A checked command, ready to run: its arguments were parsed already, so it fails only for reasons outside usage. */
@FunctionalInterface
public interface Action {
    void run() throws Exception;
}

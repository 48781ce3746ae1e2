package dev.latchkey.test.log;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records what is logged through java.util.logging — where {@link System.Logger} goes by default, and SLF4J with
 * {@code slf4j-jdk14} — below one logger. Close it to detach and restore the levels it changed.
 *
 * <ul>
 *   <li>{@link #of(String)}: one logger and its children, at the levels configured;</li>
 *   <li>{@link #latchkey()}: everything under {@code dev.latchkey}, every level (DEBUG included);</li>
 *   <li>{@link #everything()}: the root logger — INFO and above from every library — plus every level of
 *       {@code dev.latchkey}: what a deployment's log would hold.</li>
 * </ul>
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private static final String LATCHKEY = "dev.latchkey";

    private final Logger attachedTo;
    /** Held while the capture runs, so that the level set on it is not lost when the logger would be collected. */
    private final Logger raised;
    private final Level previous;
    private final List<Captured> records = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    /** A record as it was when logged: its level, message with parameters, exception and log-file line. */
    private record Captured(Level level, String message, Throwable thrown, String line) {
    }

    private LogCapture(Logger attachedTo, Logger raised) {
        this.attachedTo = attachedTo;
        this.raised = raised;
        this.previous = raised == null ? null : raised.getLevel();
        setLevel(Level.ALL);
        if (raised != null) {
            raised.setLevel(Level.ALL);
        }
        attachedTo.addHandler(this);
    }

    public static LogCapture of(Class<?> loggerClass) {
        return of(loggerClass.getName());
    }

    public static LogCapture of(String loggerName) {
        return new LogCapture(Logger.getLogger(loggerName), null);
    }

    public static LogCapture latchkey() {
        Logger latchkey = Logger.getLogger(LATCHKEY);
        return new LogCapture(latchkey, latchkey);
    }

    public static LogCapture everything() {
        return new LogCapture(Logger.getLogger(""), Logger.getLogger(LATCHKEY));
    }

    /** Every message formatted with its parameters, followed by its exception ({@code toString()}) if any. */
    public List<String> messages() {
        return records.stream().map(r -> r.message() + (r.thrown() == null ? "" : " " + r.thrown())).toList();
    }

    /** The messages at {@code level} or above, formatted with their parameters (without exceptions). */
    public List<String> messages(Level level) {
        return records.stream().filter(r -> r.level().intValue() >= level.intValue()).map(Captured::message).toList();
    }

    /** {@link #messages()} joined by newlines. */
    public String all() {
        return String.join("\n", messages());
    }

    /** Every record as a log file shows it: time, logger, level, message and stack trace. */
    public List<String> lines() {
        return records.stream().map(Captured::line).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(new Captured(record.getLevel(), formatter.formatMessage(record), record.getThrown(),
                formatter.format(record)));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        attachedTo.removeHandler(this);
        if (raised != null) {
            raised.setLevel(previous);
        }
    }
}

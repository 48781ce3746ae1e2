package dev.latchkey.tck.logs;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every log record of the test JVM — the embedded Jetty servers, Weld, Jersey and Latchkey all log through
 * java.util.logging here — from the start of the test session, and remembers every credential the tests sent, so
 * that {@link NoSecretInLogsTest} can prove that none of them reached a log line.
 *
 * <p>What is captured is what a deployment logs: every logger at INFO and above, and Latchkey's own loggers
 * ({@code dev.latchkey.*}) at every level, DEBUG included. Jetty's own DEBUG logging prints raw request bytes,
 * headers included; no authentication library can prevent that, so it is left out (and must stay off in production).
 */
public final class LogCapture implements LauncherSessionListener {

    private static final List<String> LINES = new CopyOnWriteArrayList<>();
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final SimpleFormatter FORMAT = new SimpleFormatter();
    /** Held so that the configured level is not lost when the logger would otherwise be collected. */
    private static final Logger LATCHKEY = Logger.getLogger("dev.latchkey");

    /** Shorter values ("bad", "YTpi") could match unrelated text; every real credential here is longer. */
    private static final int MIN_SECRET_LENGTH = 16;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        LATCHKEY.setLevel(Level.ALL);
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                LINES.add(FORMAT.format(record)); // message, parameters and stack trace
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        // The console shows INFO and above; the capture sees Latchkey's DEBUG lines too.
        for (Handler handler : root.getHandlers()) {
            if (handler.getLevel().intValue() < Level.INFO.intValue()) {
                handler.setLevel(Level.INFO);
            }
        }
    }

    /** Records a credential the tests sent or created. */
    public static void secret(String value) {
        if (value != null && value.length() >= MIN_SECRET_LENGTH) {
            SECRETS.add(value);
        }
    }

    public static List<String> lines() {
        return LINES;
    }

    public static Set<String> secrets() {
        return SECRETS;
    }
}

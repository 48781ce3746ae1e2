package dev.latchkey.tck.logs;

import dev.latchkey.test.log.LogCapture;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Captures every log record of the test JVM — the embedded Jetty servers, Weld, Jersey and Latchkey all log through
 * java.util.logging here — from the start of the test session ({@link LogCapture#everything()}), and remembers every
 * credential the tests sent, so that {@link NoSecretInLogsTest} can prove that none of them reached a log line.
 *
 * <p>What is captured is what a deployment logs: every logger at INFO and above, and Latchkey's own loggers
 * ({@code dev.latchkey.*}) at every level, DEBUG included. Jetty's own DEBUG logging prints raw request bytes,
 * headers included; no authentication library can prevent that, so it is left out (and must stay off in production).
 */
public final class SuiteLog implements LauncherSessionListener {

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static volatile LogCapture capture;

    /** Shorter values ("bad", "YTpi") could match unrelated text; every real credential here is longer. */
    private static final int MIN_SECRET_LENGTH = 16;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        capture = LogCapture.everything(); // open for the whole session
        // The console shows INFO and above; the capture sees Latchkey's DEBUG lines too.
        for (Handler handler : root.getHandlers()) {
            if (handler != capture && handler.getLevel().intValue() < Level.INFO.intValue()) {
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

    /** Every record so far, formatted as a log file shows it (message, parameters and stack trace). */
    public static List<String> lines() {
        LogCapture open = capture;
        return open == null ? List.of() : open.lines();
    }

    public static Set<String> secrets() {
        return SECRETS;
    }
}

package dev.latchkey.test.log;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogCaptureTest {

    private static final Logger LATCHKEY_CHILD = Logger.getLogger("dev.latchkey.capture.test");
    private static final Logger OTHER = Logger.getLogger("org.example.capture.test");

    @Test
    void whenALoggerIsCapturedThenItsMessagesAreFormattedAndFilteredByLevel() {
        try (LogCapture log = LogCapture.of(OTHER.getName())) {
            OTHER.log(Level.WARNING, "key {0} refused", "k-1");
            OTHER.log(Level.INFO, "fine", new IllegalStateException("boom"));
            assertEquals(List.of("key k-1 refused"), log.messages(Level.WARNING));
            assertEquals(List.of("key k-1 refused", "fine java.lang.IllegalStateException: boom"), log.messages());
            assertTrue(log.lines().get(1).contains("boom"), log.lines().get(1));
        }
        OTHER.warning("after close");
    }

    @Test
    void whenLatchkeyIsCapturedThenDebugLinesAreSeenAndTheLevelRestored() {
        Logger latchkey = Logger.getLogger("dev.latchkey");
        assertNull(latchkey.getLevel());
        try (LogCapture log = LogCapture.latchkey()) {
            LATCHKEY_CHILD.fine("debug line");
            OTHER.warning("not ours");
            assertEquals(List.of("debug line"), log.messages());
            assertEquals("debug line", log.all());
        }
        assertNull(latchkey.getLevel());
    }

    @Test
    void whenEverythingIsCapturedThenOtherLibrariesAtInfoAndLatchkeyDebugAreSeen() {
        try (LogCapture log = LogCapture.everything()) {
            OTHER.info("library info");
            OTHER.fine("library debug");
            LATCHKEY_CHILD.fine("latchkey debug");
            assertEquals(List.of("library info", "latchkey debug"), log.messages());
        }
    }
}

package dev.latchkey.auth.request;

import dev.latchkey.test.log.LogCapture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThrottledWarningsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ThrottledWarnings warnings = new ThrottledWarnings(
            System.getLogger(ThrottledWarningsTest.class.getName()), nanos::get);

    @Test
    void whenOneKindRepeatsForOneNetworkThenOneLinePerInterval() {
        ClientNetwork network = ClientNetwork.ofLiteral("2001:db8::1");
        List<String> logged;
        try (LogCapture log = LogCapture.of(ThrottledWarningsTest.class)) {
            assertTrue(warnings.warn("probe", network, "first from {0}", "2001:db8::1"));
            for (int i = 0; i < 100; i++) {
                assertFalse(warnings.warn("probe", ClientNetwork.ofLiteral("2001:db8::" + (i + 2)), "again {0}", i));
            }
            assertTrue(warnings.warn("other", network, "another kind"), "kinds are throttled separately");
            nanos.addAndGet(ThrottledWarnings.INTERVAL.plus(Duration.ofSeconds(1)).toNanos());
            assertTrue(warnings.warn("probe", network, "after the interval"));
            logged = log.messages(Level.WARNING);
        }
        assertEquals(3, logged.size(), logged.toString());
        assertTrue(logged.get(0).startsWith("first from 2001:db8::1 (further probe warnings for 2001:db8:0:0:0:0:0:0/64"),
                logged.get(0));
    }

    @Test
    void whenAnArgumentHoldsControlCharactersThenTheyAreEscapedAndTheLineIsBounded() {
        List<String> logged;
        try (LogCapture log = LogCapture.of(ThrottledWarningsTest.class)) {
            warnings.warn("probe", "k", "name {0}", "x\r\nINFO: forged\u0085" + "y".repeat(500));
            logged = log.messages(Level.WARNING);
        }
        assertEquals(1, logged.size());
        assertFalse(logged.get(0).contains("\n") || logged.get(0).contains("\r") || logged.get(0).contains("\u0085"));
        assertTrue(logged.get(0).contains("x\\r\\nINFO: forged\\u0085"), logged.get(0));
        assertTrue(logged.get(0).length() < 400, "bounded: " + logged.get(0).length());
    }
}

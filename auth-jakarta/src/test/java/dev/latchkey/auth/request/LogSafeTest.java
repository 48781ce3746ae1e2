package dev.latchkey.auth.request;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogSafeTest {

    @Test
    void whenValueHasLineBreaksThenTheyAreEscaped() {
        assertEquals("x\\nINFO: forged\\r\\u0000\\u2028\\\\n", LogSafe.value("x\nINFO: forged\r\u0000\u2028\\n"));
    }

    @Test
    void whenValueIsLongThenItIsCut() {
        String s = LogSafe.value("a".repeat(10_000));
        assertTrue(s.length() < LogSafe.MAX_LENGTH + 20 && s.endsWith("[cut]"), s);
    }

    @Test
    void whenNullThenNull() {
        assertEquals("null", LogSafe.value(null));
    }
}

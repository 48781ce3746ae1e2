package dev.latchkey.sample.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServeOptionsTest {

    private static ServeOptions parse(Map<String, String> env, String... args) {
        return ServeOptions.parse(List.of(args), env::get);
    }

    @Test
    void whenNothingGivenThenDefaultPorts() {
        assertEquals(new ServeOptions(8080, 8443), parse(Map.of()));
    }

    @Test
    void whenEnvironmentSetThenItsPortsAreUsed() {
        assertEquals(new ServeOptions(9000, 9443), parse(Map.of("PORT", "9000", "HTTPS_PORT", "9443")));
    }

    @Test
    void whenOptionAndEnvironmentThenOptionWins() {
        assertEquals(new ServeOptions(18181, 18443),
                parse(Map.of("PORT", "9000"), "--port", "18181", "--https-port=18443"));
    }

    @Test
    void whenHttpsPortMinusOneThenHttpsDisabled() {
        assertFalse(parse(Map.of(), "--https-port", "-1").httpsEnabled());
    }

    @Test
    void whenBadPortThenUsageError() {
        assertThrows(UsageException.class, () -> parse(Map.of(), "--port", "eighty"));
        assertThrows(UsageException.class, () -> parse(Map.of("PORT", "x")));
        assertThrows(UsageException.class, () -> parse(Map.of(), "--port", "70000"));
        assertThrows(UsageException.class, () -> parse(Map.of(), "--port", "-1", "--https-port", "-1"));
        assertThrows(UsageException.class, () -> parse(Map.of(), "extra"));
    }
}

package dev.latchkey.sample;

import dev.latchkey.sample.cli.Usage;
import dev.latchkey.sample.fixtures.CapturedIo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad command lines: exit status 2, a one-line reason and the usage text, no stack trace; nothing is touched. */
class MainUsageTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "bogus",
            "--port eighty",
            "serve --colour blue",
            "certs extra",
            "apikey",
            "apikey create",
            "apikey create --name",
            "apikey create --name a --expires soon",
            "apikey rotate",
            "apikey rotate id --grace 24h",
            "apikey revoke a b",
            "apikey delete id",
            "signature",
            "signature register --client a",
            "signature register --public-key k.pem",
            "signature hmac",
            "signature hmac --client a --expires soon",
            "signature rotate",
            "signature rotate id --grace 1d",
            "signature revoke",
            "signature delete id",
            "user",
            "user add",
            "user add ali:ce",
            "user remove",
            "user rename alice",
            "token",
            "token --scope orders:read",
            "token --sub alice extra",
            "token --sub alice --ttl 15m",
            "token --sub alice --ttl P2D",
            "token --sub alice --ttl 0",
            "token --sub alice --ttl 9999999999"})
    void whenUsageIsWrongThenExit2WithUsageAndNoStackTrace(String commandLine) {
        CapturedIo captured = new CapturedIo();
        int status = Main.run(commandLine.split(" "), captured.io());
        assertEquals(2, status, captured.err());
        assertTrue(captured.err().startsWith("error: "), captured.err());
        assertTrue(captured.err().contains(Usage.TEXT), captured.err());
        assertFalse(captured.err().contains("\tat "), captured.err());
        assertEquals("", captured.out());
    }

    @Test
    void whenHelpThenUsageOnStandardOutputAndExit0() {
        CapturedIo captured = new CapturedIo();
        assertEquals(0, Main.run(new String[]{"help"}, captured.io()));
        assertTrue(captured.out().contains(Usage.TEXT));
    }
}

package dev.latchkey.auth.request;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 7617 §2 decoding, written once for the {@code basic} kind and Stripe-style API keys. */
class BasicCredentialsTest {

    private static BasicCredentials decode(String header) {
        return BasicCredentials.decode(Authorization.parse(header).orElseThrow());
    }

    private static String basic(byte[] raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw);
    }

    private static String basic(String userPass) {
        return basic(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private static String problem(String header) {
        return decode(header).problem().map(BasicCredentials.Problem::reason).orElse("none");
    }

    @Test
    void whenWellFormedThenSplitAtTheFirstColon() {
        BasicCredentials c = decode(basic("alice:pa:ss"));
        assertEquals(Optional.empty(), c.problem());
        assertEquals(Optional.of("alice"), c.userId());
        assertArrayEquals("pa:ss".toCharArray(), c.password().orElseThrow());
        assertFalse(c.hasEmptyPassword());
        assertTrue(decode(basic("sk_test_x:")).hasEmptyPassword());
    }

    @Test
    void whenMalformedThenTheReasonNamesTheRuleBroken() {
        assertEquals("basic_malformed", problem("Basic"));
        assertEquals("basic_malformed", problem("Basic " + "A".repeat(BasicCredentials.MAX_TOKEN_LENGTH + 4)));
        assertEquals("basic_bad_base64", problem("Basic a b"));
        assertEquals("basic_bad_base64", problem("Basic %%%"));
        assertEquals("basic_bad_base64", problem("Basic,YTpi"));
        assertEquals("basic_bad_base64", problem("Basic \u00e9t\u00e9"));
        assertEquals("basic_bad_utf8", problem(basic(new byte[]{'a', ':', (byte) 0xC3, (byte) 0x28})));
        assertEquals("basic_no_colon", problem(basic("alice")));
        assertEquals("basic_empty_user", problem(basic(":pw")));
        assertEquals("basic_control_chars", problem(basic("al\tice:pw")));
    }

    @Test
    void whenNoColonThenTheUserIdIsStillReadable() {
        BasicCredentials c = decode(basic("sk_test_abc"));
        assertEquals(Optional.of("sk_test_abc"), c.userId(), "so that an API key without ':' is still recognized");
        assertEquals(Optional.empty(), c.password());
    }

    @Test
    void whenClearedThenThePasswordIsWiped() {
        BasicCredentials c = decode(basic("alice:secret"));
        c.clear();
        assertArrayEquals(new char[6], c.password().orElseThrow());
        assertFalse(c.toString().contains("secret"));
    }
}

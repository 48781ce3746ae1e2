package dev.latchkey.sample.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgumentsTest {

    private static Arguments parse(String... args) {
        return Arguments.parse(List.of(args), Set.of("--name", "--scopes"), Set.of("--force"));
    }

    @Test
    void whenOptionHasSeparateOrEqualsValueThenBothAreRead() {
        Arguments a = parse("--name", "partner-a", "--scopes=orders:read");
        assertEquals("partner-a", a.required("--name"));
        assertEquals(Optional.of("orders:read"), a.option("--scopes"));
    }

    @Test
    void whenCommaSeparatedThenSetInOrderWithoutBlanks() {
        assertEquals(List.of("orders:read", "orders:write"),
                List.copyOf(parse("--scopes", "orders:read, ,orders:write").set("--scopes")));
        assertTrue(parse().set("--scopes").isEmpty());
    }

    @Test
    void whenPositionalAndFlagThenBothKept() {
        Arguments a = parse("key-1", "--force").expectPositional(1, "key id");
        assertEquals("key-1", a.positional(0));
        assertTrue(a.flag("--force"));
    }

    @Test
    void whenUnknownOptionThenUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> parse("--nme", "x"));
        assertEquals("unknown option --nme", e.getMessage());
    }

    @Test
    void whenValueMissingThenUsageError() {
        assertThrows(UsageException.class, () -> parse("--name"));
        assertThrows(UsageException.class, () -> parse("--name", "--force"));
        assertThrows(UsageException.class, () -> parse("--name="));
    }

    @Test
    void whenOptionGivenTwiceThenUsageError() {
        assertThrows(UsageException.class, () -> parse("--name", "a", "--name", "b"));
    }

    @Test
    void whenRequiredOptionOrPositionalMissingThenUsageError() {
        assertThrows(UsageException.class, () -> parse().required("--name"));
        assertThrows(UsageException.class, () -> parse().expectPositional(1, "key id"));
        assertThrows(UsageException.class, () -> parse("a", "b").expectPositional(1, "key id"));
    }
}

package dev.latchkey.sample.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyCommandTest {

    @Test
    void whenExpiresIsDurationThenThatFarFromNow() {
        Instant before = Instant.now().plus(Duration.ofDays(90)).minusSeconds(1);
        Instant expiry = ApiKeyCommand.expiry("P90D");
        Instant after = Instant.now().plus(Duration.ofDays(90));
        assertTrue(!expiry.isBefore(before) && !expiry.isAfter(after), expiry::toString);
    }

    @Test
    void whenExpiresIsInstantThenThatInstant() {
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), ApiKeyCommand.expiry("2030-01-01T00:00:00Z"));
    }

    @Test
    void whenExpiresIsGarbageOrNotFutureThenUsageError() {
        assertThrows(UsageException.class, () -> ApiKeyCommand.expiry("90 days"));
        assertThrows(UsageException.class, () -> ApiKeyCommand.expiry("P0D"));
        assertThrows(UsageException.class, () -> ApiKeyCommand.expiry("PT-1H"));
    }

    @Test
    void whenGraceIsNotADurationThenUsageError() {
        assertThrows(UsageException.class, () -> ApiKeyCommand.duration("--grace", "24h"));
        assertEquals(Duration.ofHours(24), ApiKeyCommand.duration("--grace", "PT24H"));
    }
}

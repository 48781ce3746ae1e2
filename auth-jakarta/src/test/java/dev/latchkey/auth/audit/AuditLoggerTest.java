package dev.latchkey.auth.audit;

import dev.latchkey.test.log.LogCapture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditLoggerTest {

    @Test
    void whenRequestDerivedValuesHoldLineBreaksThenTheAuditLineIsOneEscapedLine() {
        List<String> logged;
        java.util.logging.Logger audit = java.util.logging.Logger.getLogger("dev.latchkey.audit");
        Level previous = audit.getLevel();
        audit.setLevel(Level.ALL);
        try (LogCapture log = LogCapture.of("dev.latchkey.audit")) {
            AuditLogger logger = new AuditLogger();
            logger.onEvent(new AuthenticationEvent(AuthenticationEvent.Outcome.FAILURE, "api-key", "api_key_unknown",
                    401, null, "id\nINFO: forged", "192.0.2.1", "/a\r\nINFO: forged", Instant.EPOCH));
            logger.onEvent(new AuthenticationEvent(AuthenticationEvent.Outcome.SUCCESS, "jwt", null, 200,
                    "alice\u2028INFO: forged", null, "192.0.2.1", "/a", Instant.EPOCH));
            logged = log.messages(Level.ALL);
        } finally {
            audit.setLevel(previous);
        }
        assertEquals(2, logged.size());
        for (String line : logged) {
            assertFalse(line.matches("(?s).*[\r\n\u2028].*"), line);
        }
        assertTrue(logged.get(0).contains("credential_id=id\\nINFO: forged"), logged.get(0));
        assertTrue(logged.get(0).contains("path=/a\\r\\nINFO: forged"), logged.get(0));
        assertTrue(logged.get(1).contains("caller=alice\\u2028INFO: forged"), logged.get(1));
    }
}

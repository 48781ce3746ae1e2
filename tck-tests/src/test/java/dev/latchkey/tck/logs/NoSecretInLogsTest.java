package dev.latchkey.tck.logs;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs after every other test class of the suite ({@link ClassOrderer.OrderAnnotation}, see
 * junit-platform.properties) and searches everything that was logged for every credential the tests sent.
 */
@Order(Integer.MAX_VALUE)
class NoSecretInLogsTest {

    @Test
    void whenSuiteHasRunThenNoCredentialReachedALogLine() {
        List<String> lines = SuiteLog.lines();
        assertFalse(SuiteLog.secrets().isEmpty(), "the suite sent no credential: nothing was checked");
        assertTrue(lines.size() > 10, "log capture saw almost nothing: is SuiteLog registered?");
        List<String> leaks = SuiteLog.secrets().stream()
                .filter(secret -> lines.stream().anyMatch(line -> line.contains(secret)))
                .map(secret -> secret.substring(0, 8) + "...")
                .toList();
        List<String> where = lines.stream()
                .filter(line -> SuiteLog.secrets().stream().anyMatch(line::contains))
                .map(line -> line.lines().findFirst().orElse("").replaceAll("eyJ[A-Za-z0-9_.-]{20,}", "<token>"))
                .distinct().limit(20).toList();
        assertTrue(leaks.isEmpty(), "credentials found in log output: " + leaks + "\n" + String.join("\n", where));
    }
}

package dev.latchkey.jetty.it;

import dev.latchkey.auth.basic.UserFileAdmin;
import dev.latchkey.jetty.it.fixtures.TestClockProducer;
import dev.latchkey.jetty.it.fixtures.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static dev.latchkey.test.http.Http.basic;
import static dev.latchkey.test.http.Http.get;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 12 over real HTTP, the case the README warns about: 20 users behind a proxy that is <em>not</em> in
 * {@code latchkey.trusted-proxies} share its address (127.0.0.1), so one attacker among them empties the shared
 * failed-attempt bucket. The others are refused only while it is empty, never locked out for the lockout duration.
 */
class UntrustedProxyLockoutHttpTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path users = dir.resolve("users.properties");
        UserFileAdmin admin = UserFileAdmin.of(users);
        for (int i = 1; i <= 20; i++) {
            admin.add("colleague" + i, PASSWORD.toCharArray(), Set.of());
        }
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "basic",
                "latchkey.basic.users-file", users.toString(),
                "latchkey.basic.require-tls", "false"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static int login(String user, String password) throws Exception {
        // The forwarded address is not believed: the proxy is not trusted, every request is 127.0.0.1.
        return get(server.http("/me"), "X-Forwarded-For", "10.20.0.99", "Authorization", basic(user, password))
                .statusCode();
    }

    @Test
    void whenAnUntrustedProxysAttackerEmptiesTheSharedBucketThenNeighboursWaitOnlyForTheRefill() throws Exception {
        for (int i = 0; i < 50; i++) {
            assertEquals(401, login("colleague" + (1 + i % 19), "guess-" + i));
        }
        int refused = 0;
        for (int i = 1; i <= 19; i++) {
            if (login("colleague" + i, PASSWORD) == 429) {
                refused++;
            }
        }
        TestClockProducer.CLOCK.advance(Duration.ofMinutes(1));
        int in = 0;
        for (int i = 1; i <= 19; i++) {
            if (login("colleague" + i, PASSWORD) == 200) {
                in++;
            }
        }
        System.out.printf("FIGURE 20 users behind an untrusted proxy, one attacker (50 guesses): %d of 19 others"
                + " refused at once; %d of 19 logged in one minute later%n", refused, in);
        assertEquals(19, refused, "the shared address is over its failed-attempt limit");
        assertEquals(19, in, "no lockout outlives the refill");
    }
}

package dev.latchkey.jetty.it;

import dev.latchkey.auth.basic.UserFileAdmin;
import dev.latchkey.jetty.it.app.DirectoryStore;
import dev.latchkey.jetty.it.fixtures.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static dev.latchkey.test.http.Http.basic;
import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.header;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 12 over real HTTP: Basic lockout cannot be used as a weapon. Lockout is per (user name, client network); per
 * user name over all networks only networks with recent failures wait for the name's checks
 * ({@code latchkey.basic.lockout.user-checks}, default 10 per minute). 127.0.0.1 is a trusted proxy: each client is
 * its {@code X-Forwarded-For} address. All settings are the defaults.
 */
class BasicLockoutHttpTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path users = dir.resolve("users.properties");
        UserFileAdmin admin = UserFileAdmin.of(users);
        for (String user : new String[]{"victim1", "victim2", "victim3", "victim4"}) {
            admin.add(user, PASSWORD.toCharArray(), Set.of());
        }
        for (int i = 1; i <= 20; i++) {
            admin.add("colleague" + i, PASSWORD.toCharArray(), Set.of());
        }
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "basic",
                "latchkey.basic.users-file", users.toString(),
                "latchkey.basic.require-tls", "false",
                "latchkey.trusted-proxies", "127.0.0.0/8"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> login(String client, String user, String password) throws Exception {
        return get(server.http("/me"), "X-Forwarded-For", client, "Authorization", basic(user, password));
    }

    @Test
    void whenAnAttackerFailsFromManyNetworksThenTheVictimStillLogsInFromANetworkWithoutFailures() throws Exception {
        for (int i = 1; i <= 12; i++) {
            login("198.51.100." + i, "victim1", "guess-" + i);
        }
        HttpResponse<String> ok = login("192.0.2.10", "victim1", PASSWORD);
        assertEquals(200, ok.statusCode(), "the victim is not locked out: " + ok.body());
        assertEquals("victim1", json(ok).getString("name"));
    }

    @Test
    void whenFiveFailuresFromOneNetworkThenOnlyThatNetworkIsLockedOutForTheUser() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login("198.51.100.50", "victim2", "guess-" + i).statusCode());
        }
        HttpResponse<String> locked = login("198.51.100.50", "victim2", PASSWORD);
        assertEquals(429, locked.statusCode(), "the right password from the guessing network is not checked");
        assertEquals("900", header(locked, "Retry-After"));
        assertEquals("rate_limited", json(locked).getString("error"));
        assertEquals(200, login("198.51.100.51", "victim2", PASSWORD).statusCode(), "another network logs in");
    }

    @Test
    void whenAnAttackerSpreadsGuessesOverManyNetworksThenEachGetsOneCheckAndThenWaitsForTheUsersChecks()
            throws Exception {
        int networks = 30;
        for (int i = 0; i < networks; i++) {
            assertEquals(401, login("2001:db8:100:" + Integer.toHexString(i) + "::1", "victim4", "guess").statusCode(),
                    "first guess from a fresh /64 is checked");
        }
        for (int i = 0; i < networks; i++) {
            HttpResponse<String> slowed = login("2001:db8:100:" + Integer.toHexString(i) + "::2", "victim4", "again");
            assertEquals(429, slowed.statusCode(), "the 10 checks of this minute are used up");
            assertEquals("6", header(slowed, "Retry-After"), "one check every 6 seconds");
        }
        assertEquals(200, login("2001:db8:200::1", "victim4", PASSWORD).statusCode(), "the victim gets in");
    }

    /**
     * 20 users behind one (trusted) proxy, one of them an attacker who guesses the password of a colleague and
     * sprays others: the attacker is refused, the 19 others get in.
     */
    @Test
    void whenTwentyUsersShareAProxyAndOneAttacksThenTheOtherNineteenGetIn() throws Exception {
        String attacker = "10.20.0.20";
        int attackerChecked = 0;
        int attackerRefused = 0;
        for (int i = 0; i < 60; i++) {
            String target = i < 10 ? "victim3" : "colleague" + (1 + i % 19);
            int status = login(attacker, target, "guess-" + i).statusCode();
            if (status == 401) {
                attackerChecked++;
            } else if (status == 429) {
                attackerRefused++;
            }
        }
        int in = 0;
        for (int i = 1; i <= 19; i++) {
            if (login("10.20.0." + i, "colleague" + i, PASSWORD).statusCode() == 200) {
                in++;
            }
        }
        System.out.printf("FIGURE 20 users behind one trusted proxy, one attacker (60 guesses): attacker %d checked,"
                + " %d refused 429; %d of 19 others logged in%n", attackerChecked, attackerRefused, in);
        assertEquals(19, in);
        assertEquals(429, login(attacker, "victim3", PASSWORD).statusCode(), "the attacker's network is cut off");
        assertEquals(200, login("10.20.0.1", "victim3", PASSWORD).statusCode(), "victim3 from its own address");
    }

    /**
     * Review finding 1: an application store ({@link DirectoryStore}) that refuses a wrong password by throwing a 401
     * {@code AuthenticationFailure} counts for the lockout exactly like the built-in store's {@code INVALID}.
     */
    @Test
    void whenTheApplicationStoreThrows401FiveTimesThenTheUserIsLockedOutOnThatNetwork() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login("198.51.100.70", DirectoryStore.USER, "guess-" + i).statusCode());
        }
        HttpResponse<String> locked = login("198.51.100.70", DirectoryStore.USER, DirectoryStore.PASSWORD);
        assertEquals(429, locked.statusCode(), "the right password from the guessing network is not checked");
        assertEquals("900", header(locked, "Retry-After"));
        assertEquals(200, login("198.51.100.71", DirectoryStore.USER, DirectoryStore.PASSWORD).statusCode(),
                "another network logs in");
    }

    /** Only the application store's 503 (the directory is down) is no verdict: never a lockout. */
    @Test
    void whenTheApplicationStoreIsDownThenItsFailuresAreNotCountedAsGuesses() throws Exception {
        for (int i = 0; i < 8; i++) {
            assertEquals(503, login("198.51.100.80", DirectoryStore.BROKEN, "any").statusCode());
        }
    }
}

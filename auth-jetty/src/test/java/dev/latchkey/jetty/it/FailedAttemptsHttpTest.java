package dev.latchkey.jetty.it;

import dev.latchkey.auth.apikey.format.ApiKeyFormat;
import dev.latchkey.auth.apikey.format.ApiKeyGenerator;
import dev.latchkey.auth.basic.UserFileAdmin;
import dev.latchkey.jetty.it.fixtures.CountingDriver;
import dev.latchkey.jetty.it.fixtures.ServerBeans;
import dev.latchkey.jetty.it.fixtures.TestClockProducer;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.jwt.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static dev.latchkey.test.http.Http.basic;
import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.header;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Issue 12 over real HTTP: failed credential attempts of every kind (JWT, API key, Basic) counted per client network
 * with the defaults ({@code latchkey.failed-attempts.limit=50}, {@code .window=PT1M}); over the limit 429
 * {@code rate_limited} with {@code Retry-After} before any store lookup. The API-key store is the JDBC store on H2
 * behind {@link CountingDriver}, so the test sees every lookup the database receives. 127.0.0.1 is a trusted proxy:
 * each test is its own client network through {@code X-Forwarded-For}; the {@link TestClockProducer} is frozen.
 */
class FailedAttemptsHttpTest {

    private static final String PASSWORD = "correct horse battery";
    private static final int LIMIT = 50;

    @TempDir
    static Path dir;
    private static TestServer server;
    private static TestIssuer tokens;
    private static ApiKeyGenerator guesser;

    @BeforeAll
    static void start() throws Exception {
        Path users = dir.resolve("users.properties");
        UserFileAdmin.of(users).add("alice", PASSWORD.toCharArray(), Set.of("staff"));
        tokens = TestServer.issuer();
        server = TestServer.start(Map.ofEntries(
                Map.entry("latchkey.mechanisms", "jwt,api-key,basic"),
                Map.entry("mp.jwt.verify.publickey", tokens.publicJwks()),
                Map.entry("mp.jwt.verify.issuer", TestServer.ISSUER),
                Map.entry("latchkey.api-key.environment", "live"),
                Map.entry("latchkey.api-key.store", "jdbc"),
                Map.entry("latchkey.api-key.jdbc.url", CountingDriver.url("jdbc:h2:mem:flood;DB_CLOSE_DELAY=-1")),
                Map.entry("latchkey.api-key.jdbc.init-schema", "true"),
                Map.entry("latchkey.api-key.rate-limit", "off"),
                Map.entry("latchkey.basic.users-file", users.toString()),
                Map.entry("latchkey.basic.require-tls", "false"),
                Map.entry("latchkey.trusted-proxies", "127.0.0.0/8")), null);
        guesser = new ApiKeyGenerator(ServerBeans.get(ApiKeyFormat.class));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** A well-formed key with a valid checksum that was never issued: cheap to make, costs a store lookup. */
    private static String guess() {
        return guesser.generate("live").value();
    }

    private static HttpResponse<String> withKey(String client, String key) throws Exception {
        return get(server.http("/me"), "X-Forwarded-For", client, "X-API-Key", key);
    }

    private static HttpResponse<String> withAuthorization(String client, String authorization) throws Exception {
        return get(server.http("/me"), "X-Forwarded-For", client, "Authorization", authorization);
    }

    @Test
    void whenOneNetworkGuessesKeysThenTheStoreIsQueriedUpToTheLimitAndThen429BeforeAnyLookup() throws Exception {
        int before = CountingDriver.lookups();
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(401, withKey("198.51.100.10", guess()).statusCode(), "guess " + (i + 1));
        }
        assertEquals(before + LIMIT, CountingDriver.lookups());
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> limited = withKey("198.51.100.10", guess());
            assertEquals(429, limited.statusCode(), limited.body());
            assertEquals("rate_limited", json(limited).getString("error"));
            assertEquals("2", header(limited, "Retry-After"), "50 per minute: one back every 1.2 s");
        }
        assertEquals(before + LIMIT, CountingDriver.lookups(), "a refused guess never reaches the store");

        TestClockProducer.CLOCK.advance(Duration.ofMillis(1200));
        assertEquals(401, withKey("198.51.100.10", guess()).statusCode(), "one attempt was refilled");
        assertEquals(429, withKey("198.51.100.10", guess()).statusCode());
        assertEquals(before + LIMIT + 1, CountingDriver.lookups());
    }

    @Test
    void whenFailuresOfEveryKindComeFromOneNetworkThenTheyShareOneCount() throws Exception {
        String client = "198.51.100.20";
        // signed by another key
        String forged = TestServer.issuer().token().subject("alice").scope("orders:read").sign();
        for (int i = 0; i < 20; i++) {
            assertEquals(401, withAuthorization(client, "Bearer " + forged).statusCode());
            assertEquals(401, withKey(client, guess()).statusCode());
        }
        for (int i = 0; i < 10; i++) { // 5 per user name: the Basic lockout of (alice, network) is not reached
            assertEquals(401, withAuthorization(client, basic(i < 5 ? "alice" : "bob", "wrong-" + i)).statusCode());
        }
        String valid = tokens.token().subject("alice").scope("orders:read").sign();
        HttpResponse<String> limited = withAuthorization(client, "Bearer " + valid);
        assertEquals(429, limited.statusCode(), "even a valid token is not looked at: " + limited.body());
        assertNotNull(header(limited, "Retry-After"));
        assertEquals(429, withAuthorization(client, basic("alice", PASSWORD)).statusCode());

        assertEquals(200, withAuthorization("198.51.100.21", "Bearer " + valid).statusCode(), "another network");
        HttpResponse<String> anonymous = get(server.http("/me"), "X-Forwarded-For", client);
        assertEquals(401, anonymous.statusCode(), "no credential, nothing to refuse: the usual challenge");
        assertNotNull(header(anonymous, "WWW-Authenticate"));
    }

    @Test
    void whenAnIpv6ClientRotatesAddressesWithinItsSlash64ThenItIsOneNetwork() throws Exception {
        for (int i = 1; i <= LIMIT; i++) {
            assertEquals(401, withKey("2001:db8:7:7::" + Integer.toHexString(i), guess()).statusCode());
        }
        assertEquals(429, withKey("2001:db8:7:7:abcd::1", guess()).statusCode());
        assertEquals(401, withKey("2001:db8:7:8::1", guess()).statusCode(), "the next /64 is another network");
    }

    @Test
    void whenTheLeftMostForwardedForChangesThenTheCountStaysWithTheAddressTheProxySaw() throws Exception {
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(401, withKey("203.0.113." + i + ", 198.51.100.30", guess()).statusCode());
        }
        assertEquals(429, withKey("192.0.2.99, 198.51.100.30", guess()).statusCode());
    }

    /** The figure for the issue: store queries caused by 10 000 distinct well-formed invalid keys from one network. */
    @Test
    void whenTenThousandDistinctInvalidKeysComeFromOneNetworkThenOnlyTheLimitReachesTheStore() throws Exception {
        int before = CountingDriver.lookups();
        int refused = 0;
        for (int i = 0; i < 10_000; i++) {
            if (withKey("198.51.100.40", guess()).statusCode() == 429) {
                refused++;
            }
        }
        int queries = CountingDriver.lookups() - before;
        System.out.printf("FIGURE 10000 distinct invalid keys from one network: %d store queries, %d refused 429%n",
                queries, refused);
        assertEquals(LIMIT, queries);
        assertEquals(10_000 - LIMIT, refused);
    }
}

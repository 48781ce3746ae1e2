package dev.latchkey.jetty.it;

import dev.latchkey.auth.basic.UserFileAdmin;
import dev.latchkey.jetty.LatchkeyJetty;
import dev.latchkey.jetty.it.fixtures.TestClockProducer;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.pki.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static dev.latchkey.test.http.Http.basic;
import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.header;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6 over real HTTP and HTTPS: Basic (RFC 7617) with the embedded users file (PBKDF2), refused over plain HTTP,
 * lockout after 5 failures per (user name, client network).
 */
class BasicHttpTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;
    private static TestServer server;
    private static HttpClient tls;

    @BeforeAll
    static void start() throws Exception {
        Path users = dir.resolve("users.properties");
        UserFileAdmin admin = UserFileAdmin.of(users);
        for (String user : List.of("alice", "plain", "lockme", "resetme", "twin")) {
            admin.add(user, PASSWORD.toCharArray(), Set.of("staff"));
        }
        admin.add("colon", "pa:ss:word".toCharArray(), Set.of());
        admin.add("unicode", "pässwörd-日本-🔑".toCharArray(), Set.of());
        TestPki pki = TestPki.create(dir);
        tls = pki.httpClient(null);
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "basic",
                "latchkey.basic.users-file", users.toString(),
                "latchkey.basic.lockout.max-failures", "5",
                "latchkey.basic.lockout.duration", "PT15M"), TestServer.tls(pki, LatchkeyJetty.ClientAuth.NONE));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> me(String authorization) throws Exception {
        return get(tls, server.https("/me"), "Authorization", authorization);
    }

    @Test
    void whenBasicOverHttpsThen200() throws Exception {
        HttpResponse<String> ok = me(basic("alice", PASSWORD));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("alice", json(ok).getString("name"));
        assertEquals("basic", json(ok).getString("mechanism"));
        assertEquals("staff", json(ok).getJsonArray("groups").getString(0));
    }

    @Test
    void whenBasicOverPlainHttpThen401TlsRequiredWithoutCheckingTheCredentials() throws Exception {
        HttpResponse<String> right = get(server.http("/me"), "Authorization", basic("plain", PASSWORD));
        HttpResponse<String> wrong = get(server.http("/me"), "Authorization", basic("plain", "wrong"));
        assertEquals(401, right.statusCode(), right.body());
        assertTrue(json(right).getString("detail").contains("TLS"), right.body());
        assertEquals(right.body(), wrong.body(), "the password is not looked at over plain HTTP");
        // Not checked, hence not counted: many "failures" over HTTP do not lock the user out.
        for (int i = 0; i < 6; i++) {
            assertEquals(401, get(server.http("/me"), "Authorization", basic("plain", "wrong" + i)).statusCode());
        }
        assertEquals(200, me(basic("plain", PASSWORD)).statusCode());
    }

    @Test
    void whenPasswordContainsColonsThenSplitAtTheFirstColon() throws Exception {
        HttpResponse<String> ok = me(basic("colon", "pa:ss:word"));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("colon", json(ok).getString("name"));
    }

    @Test
    void whenPasswordIsNonAsciiUtf8Then200() throws Exception {
        HttpResponse<String> ok = me(basic("unicode", "pässwörd-日本-🔑"));
        assertEquals(200, ok.statusCode(), ok.body());
        String challenge = header(get(tls, server.https("/me")), "WWW-Authenticate");
        assertTrue(challenge.contains("charset=\"UTF-8\""), challenge);
    }

    @Test
    void whenCredentialMalformedThen400Or401NeverA500() throws Exception {
        Base64.Encoder b64 = Base64.getEncoder();
        List<String> malformed = List.of(
                "Basic !!!not-base64!!!",
                "Basic " + b64.encodeToString("no-colon-here".getBytes(StandardCharsets.UTF_8)),
                "Basic",
                "Basic ",
                "Basic " + b64.encodeToString(new byte[]{'u', ':', (byte) 0xC3, (byte) 0x28}), // invalid UTF-8
                "Basic " + b64.encodeToString(":".getBytes(StandardCharsets.UTF_8)),
                "Basic a===");
        for (String authorization : malformed) {
            HttpResponse<String> r = me(authorization);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 401, authorization + " -> " + r.statusCode()
                    + " " + r.body());
            assertNotNull(json(r).getString("error"), r.body());
        }
    }

    @Test
    void whenFiveFailuresThen429WithRetryAfterEvenForTheRightPasswordUntilTheLockoutEnds() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, me(basic("lockme", "wrong-" + i)).statusCode(), "failure " + (i + 1));
        }
        HttpResponse<String> locked = me(basic("lockme", PASSWORD));
        assertEquals(429, locked.statusCode(), "the correct password is not even checked while locked out");
        assertEquals("900", header(locked, "Retry-After"));
        assertEquals("rate_limited", json(locked).getString("error"));
        assertEquals(429, me(basic("lockme", "wrong-again")).statusCode());

        TestClockProducer.CLOCK.advance(Duration.ofMinutes(15));
        assertEquals(200, me(basic("lockme", PASSWORD)).statusCode());
    }

    @Test
    void whenLoginSucceedsThenTheFailureCountStartsAgain() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertEquals(401, me(basic("resetme", "wrong-" + i)).statusCode());
        }
        assertEquals(200, me(basic("resetme", PASSWORD)).statusCode());
        // Without the reset this would be the 5th failure, and the next request 429.
        assertEquals(401, me(basic("resetme", "wrong-again")).statusCode());
        assertEquals(200, me(basic("resetme", PASSWORD)).statusCode(), "the count was reset by the success");
    }

    @Test
    void whenUserUnknownOrPasswordWrongThenIdenticalStatusHeadersAndBody() throws Exception {
        HttpResponse<String> unknown = me(basic("nobody-" + System.nanoTime(), "wrong"));
        HttpResponse<String> wrong = me(basic("twin", "wrong"));
        assertEquals(401, unknown.statusCode());
        assertEquals(unknown.statusCode(), wrong.statusCode());
        assertEquals(headers(unknown), headers(wrong));
        assertEquals(unknown.body(), wrong.body());
    }

    private static Map<String, List<String>> headers(HttpResponse<?> r) {
        Map<String, List<String>> h = new TreeMap<>(r.headers().map());
        h.remove("date");
        return h;
    }
}

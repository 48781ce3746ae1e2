package dev.latchkey.jetty.it;

import dev.latchkey.auth.basic.UserFileAdmin;
import dev.latchkey.jetty.it.fixtures.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static dev.latchkey.test.http.Http.basic;
import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Basic behind a TLS-terminating proxy over real HTTP: {@code X-Forwarded-Proto: https} on a plain-HTTP connection
 * counts as TLS only from a peer in {@code latchkey.trusted-proxies} (the test client connects from 127.0.0.1).
 */
class ForwardedProtoBasicHttpTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;
    private static Path users;

    @BeforeAll
    static void users() throws Exception {
        users = dir.resolve("users.properties");
        UserFileAdmin.of(users).add("alice", PASSWORD.toCharArray(), Set.of("staff"));
    }

    private static TestServer start(String trustedProxies) throws Exception {
        return TestServer.start(Map.of(
                "latchkey.mechanisms", "basic",
                "latchkey.basic.users-file", users.toString(),
                "latchkey.trusted-proxies", trustedProxies), null);
    }

    /** Alice's Basic credentials over plain HTTP with {@code X-Forwarded-Proto: proto}. */
    private static HttpResponse<String> me(TestServer server, String proto) throws Exception {
        return get(server.http("/me"), "Authorization", basic("alice", PASSWORD), "X-Forwarded-Proto", proto);
    }

    private static void assertTlsRequired(HttpResponse<String> refused) {
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals("Basic authentication requires TLS (https)", json(refused).getString("detail"));
    }

    @Test
    void whenTrustedProxySaysHttpsOverPlainHttpThenBasicAccepted() throws Exception {
        try (TestServer server = start("127.0.0.0/8,::1/128")) {
            HttpResponse<String> ok = me(server, "https");
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals("alice", json(ok).getString("name"));
            for (String proto : new String[]{"http", "http, https", "https, http"}) {
                assertTlsRequired(me(server, proto));
            }
        }
    }

    @Test
    void whenUntrustedPeerSaysHttpsThen401TlsRequired() throws Exception {
        try (TestServer server = start("192.0.2.0/24")) {
            assertTlsRequired(me(server, "https"));
        }
    }
}

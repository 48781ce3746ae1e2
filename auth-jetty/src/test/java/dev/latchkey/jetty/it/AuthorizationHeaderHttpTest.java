package dev.latchkey.jetty.it;

import dev.latchkey.auth.basic.UserFileAdmin;
import dev.latchkey.jetty.it.fixtures.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile {@code Authorization} headers over a raw socket (the exact bytes, which an HTTP client would normalize):
 * one parser for every kind, the same whitespace rules, never a 500.
 */
class AuthorizationHeaderHttpTest {

    private static final String ALICE = Base64.getEncoder()
            .encodeToString("alice:correct horse".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path dir;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path users = dir.resolve("users.properties");
        UserFileAdmin.of(users).add("alice", "correct horse".toCharArray(), Set.of("staff"));
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "api-key,basic",
                "latchkey.api-key.store", "memory",
                "latchkey.basic.require-tls", "false",
                "latchkey.basic.users-file", users.toString()), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** The response head of {@code GET /api/me} with the given raw header lines. */
    private static String get(String... headerLines) throws IOException {
        URI uri = URI.create(server.http("/me"));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            StringBuilder request = new StringBuilder("GET " + uri.getPath() + " HTTP/1.1\r\nHost: "
                    + uri.getHost() + "\r\nConnection: close\r\n");
            for (String line : headerLines) {
                request.append(line).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    @Test
    void whenSchemeAndCredentialsAreSeparatedBySpacesOrTabsInAnyCaseThenAccepted() throws Exception {
        for (String value : new String[]{"Basic " + ALICE, "basic  " + ALICE, "BASIC\t" + ALICE,
                "Basic \t " + ALICE + " \t"}) {
            String response = get("Authorization: " + value);
            assertEquals(200, status(response), value + "\n" + response);
        }
    }

    @Test
    void whenTheCredentialsAreMissingOrMalformedThen400() throws Exception {
        for (String value : new String[]{"Basic", "Basic ", "Basic,abc", "Basic " + ALICE + " x", "Basic a=b"}) {
            String response = get("Authorization: " + value);
            assertEquals(400, status(response), value + "\n" + response);
            assertTrue(response.contains("\"error\":\"invalid_request\""), response);
        }
    }

    @Test
    void whenTwoCredentialsAreJoinedOrRepeatedThen400() throws Exception {
        for (String[] lines : new String[][]{{"Authorization: Basic " + ALICE + ", Basic " + ALICE},
                {"Authorization: Basic " + ALICE, "Authorization: Basic " + ALICE},
                {"Authorization: Bearer sk_test_a, Bearer sk_test_b"}}) {
            String response = get(lines);
            assertEquals(400, status(response), String.join(" | ", lines) + "\n" + response);
        }
    }

    @Test
    void whenHostileBytesThenRefusedNeverA500() throws Exception {
        String[] values = {"Basic \u00c3\u00a9t\u00c3\u00a9", "\u00e9 " + ALICE, "Basic " + ALICE + "\u0001",
                "Basic " + "A".repeat(6000), "Basic " + "QUxJQ0U6".repeat(700), "Bearer " + "a ".repeat(2000),
                "Digest realm=\"unterminated", "Basic " + ALICE + "\r\n " + ALICE};
        for (String value : values) {
            String response = get("Authorization: " + value);
            int status = status(response);
            assertTrue(status >= 400 && status < 500, status + " for " + value.substring(0, Math.min(40,
                    value.length())) + "\n" + response);
        }
        assertEquals(431, status(get("Authorization: Basic " + "A".repeat(20_000))), "Jetty's header limit");
    }

    @Test
    void whenAnotherSchemeThenNoCredentialAnd401WithBothChallenges() throws Exception {
        String response = get("Authorization: Negotiate abc");
        assertEquals(401, status(response), response);
        assertTrue(response.contains("WWW-Authenticate: Bearer realm=\"api\""), response);
        assertTrue(response.contains("WWW-Authenticate: Basic realm=\"api\", charset=\"UTF-8\""), response);
    }
}

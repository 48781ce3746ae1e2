package dev.latchkey.jetty.it;

import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.jwt.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The credential a request is judged by is the one it carries, also on a kept-alive connection. Jetty's per-connection
 * header field cache matches a header against the values seen earlier on the connection case-insensitively and hands
 * over the earlier value: a token that differs from an earlier valid one only in letter case (base64url is case
 * sensitive: another, invalid token) would be accepted. {@code LatchkeyJetty} turns that cache off.
 */
class KeepAliveCredentialHttpTest {

    private static TestIssuer tokens;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        tokens = TestServer.issuer();
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "jwt",
                "mp.jwt.verify.issuer", TestServer.ISSUER,
                "mp.jwt.verify.publickey", tokens.publicJwks(),
                "mp.jwt.verify.audiences", "it-api"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void whenACaseChangedTwinFollowsAValidTokenOnOneConnectionThenTheTwinIsRefused() throws Exception {
        String valid = TestServer.token(tokens, "alice", "", Map.of("aud", "it-api"));
        String twin = caseChanged(valid);
        URI me = URI.create(server.http("/me"));
        try (Socket socket = new Socket(me.getHost(), me.getPort())) {
            assertEquals(200, status(socket, me, valid));
            assertEquals(401, status(socket, me, twin));
            assertEquals(200, status(socket, me, valid));
        }
    }

    /** The token with the case of one letter of its signature swapped. */
    private static String caseChanged(String token) {
        int at = token.length() - 1;
        while (!Character.isLetter(token.charAt(at))) {
            at--;
        }
        char c = token.charAt(at);
        String twin = token.substring(0, at) + (Character.isUpperCase(c) ? Character.toLowerCase(c)
                : Character.toUpperCase(c)) + token.substring(at + 1);
        assertNotEquals(token, twin);
        return twin;
    }

    /** One GET on the kept-alive connection; reads the whole response (its Content-Length body). */
    private static int status(Socket socket, URI uri, String token) throws IOException {
        String request = "GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        String head = readHead(in);
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(head.substring(9, 12));
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}

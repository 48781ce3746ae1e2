package dev.latchkey.test.http;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpTest {

    private static HttpServer echo;
    private static String url;

    /** Answers problem+json naming the method, the X-Test header, the content type and the body it received. */
    @BeforeAll
    static void start() throws IOException {
        echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String json = "{\"method\":\"" + exchange.getRequestMethod() + "\",\"test\":\""
                    + exchange.getRequestHeaders().getFirst("X-Test") + "\",\"type\":\""
                    + exchange.getRequestHeaders().getFirst("Content-Type") + "\",\"body\":\"" + body + "\"}";
            byte[] out = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(200, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        echo.start();
        url = "http://127.0.0.1:" + echo.getAddress().getPort() + "/";
    }

    @AfterAll
    static void stop() {
        echo.stop(0);
    }

    @Test
    void whenGettingWithHeaderPairsThenTheServerSeesThem() {
        HttpResponse<String> response = Http.get(url, "X-Test", "one");
        assertEquals("GET", Http.json(response).getString("method"));
        assertEquals("one", Http.json(response).getString("test"));
        assertEquals("application/problem+json", Http.header(response, "Content-Type"));
        assertNull(Http.header(response, "X-Absent"));
    }

    @Test
    void whenSendingABodyThenItIsTextUnlessAHeaderSaysOtherwise() {
        assertEquals("text/plain; charset=UTF-8", Http.json(Http.send("PUT", url, "hi")).getString("type"));
        var json = Http.json(Http.send("POST", url, "{}", "Content-Type", "application/json"));
        assertEquals("application/json", json.getString("type"));
        assertEquals("{}", json.getString("body"));
    }

    @Test
    void whenHeadersAreNotPairsOrTheServerIsAbsentThenItFailsUnchecked() {
        assertThrows(IllegalArgumentException.class, () -> Http.get(url, "X-Test"));
        assertThrows(java.io.UncheckedIOException.class, () -> Http.get("http://127.0.0.1:1/"));
    }

    @Test
    void whenBasicIsMadeThenItIsTheRfc7617Encoding() {
        assertEquals("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", Http.basic("Aladdin", "open sesame"));
        Credential basic = Credential.basic("Aladdin", "open sesame");
        assertTrue(basic.needsTls());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        basic.addTo(request);
        assertEquals("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
                request.build().headers().firstValue("Authorization").orElseThrow());
        Credential key = Credential.header("X-API-Key", "sk_test_x");
        assertFalse(key.needsTls());
        assertTrue(key.clientKeys().isEmpty());
        assertFalse(key.toString().contains("sk_test_x"));
    }
}

package dev.latchkey.auth.introspection;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on the loopback interface acting as the authorization server's introspection endpoint: it
 * records each request (form and {@code Authorization} header) and answers what the test says.
 */
final class StubAuthorizationServer implements AutoCloseable {

    /** One answer: status, content type and body. */
    record Answer(int status, String contentType, String body) {
        static Answer json(String body) {
            return new Answer(200, "application/json", body);
        }
    }

    /** What the endpoint received. */
    record Received(String authorization, Map<String, String> form) {
    }

    interface Responder {
        Answer answer(Received request) throws Exception;
    }

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Responder responder = request -> Answer.json("{\"active\":false}");
    private volatile Received last;

    StubAuthorizationServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/introspect", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/introspect");
    }

    void respond(Responder responder) {
        this.responder = responder;
    }

    int requests() {
        return requests.get();
    }

    Received last() {
        return last;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        Received received = new Received(exchange.getRequestHeaders().getFirst("Authorization"), form);
        last = received;
        Answer answer;
        try {
            answer = responder.answer(received);
        } catch (Exception e) {
            answer = new Answer(500, "text/plain", "stub failed: " + e);
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

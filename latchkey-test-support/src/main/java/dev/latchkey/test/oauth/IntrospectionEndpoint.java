package dev.latchkey.test.oauth;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An RFC 7662 introspection endpoint on 127.0.0.1 (the JDK's HTTP server), standing in for an authorization server:
 * it wants the client's {@code client_secret_basic} credentials (RFC 7662 §2.1), answers each known token with the
 * JSON given for it and anything else (unknown token, wrong client) with HTTP 500. It counts its requests. Close it to
 * stop.
 */
public final class IntrospectionEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final String expectedAuthorization;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, CountDownLatch[]> held = new ConcurrentHashMap<>();

    /** On a free port, for the client {@code clientId} with {@code clientSecret}. */
    public IntrospectionEndpoint(String clientId, String clientSecret) {
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/introspect", exchange -> {
            requests.incrementAndGet();
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String token = token(form);
            String answer = expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    ? answers.get(token) : null;
            awaitRelease(token);
            byte[] body = (answer == null ? "{\"error\":\"server_error\"}" : answer).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer == null ? 500 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "introspection-endpoint");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** Answers {@code token} with {@code json} from now on. */
    public IntrospectionEndpoint answer(String token, String json) {
        answers.put(token, json);
        return this;
    }

    /**
     * Answers {@code token} only once {@code release} is counted down, counting {@code entered} down when a request
     * for it arrives: an endpoint that is slow for that token, held open as long as a test needs.
     */
    public IntrospectionEndpoint answerWhenReleased(String token, String json, CountDownLatch entered,
                                                   CountDownLatch release) {
        held.put(token, new CountDownLatch[] {entered, release});
        return answer(token, json);
    }

    private void awaitRelease(String token) {
        CountDownLatch[] latches = held.get(token);
        if (latches == null) {
            return;
        }
        latches[0].countDown();
        try {
            latches[1].await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The endpoint's URL ({@code latchkey.introspection.endpoint}). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/introspect";
    }

    /** How many requests reached the endpoint. */
    public int requests() {
        return requests.get();
    }

    private static String token(String form) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("token")) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

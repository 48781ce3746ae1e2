package dev.latchkey.tck;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixture: an in-process HTTP server on the loopback interface (JDK {@code com.sun.net.httpserver}) that serves
 * replaceable documents (a JWKS, an attacker's key set or certificate) and counts every request per path, served or
 * not, so that a test can prove how often — or that never — the application under test called out.
 */
public final class CountingServer implements AutoCloseable {

    private record Document(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    private CountingServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static CountingServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "counting-server");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            CountingServer counting = new CountingServer(server, executor);
            server.createContext("/", counting::handle);
            server.start();
            return counting;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port nothing listens on (bound, then released): connections to it are refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves (or replaces) the document at {@code path}. */
    public CountingServer serve(String path, int status, String contentType, String body) {
        documents.put(path, new Document(status, contentType, body));
        return this;
    }

    public CountingServer serveJson(String path, String json) {
        return serve(path, 200, "application/json", json);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    public int totalHits() {
        return total.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
        Document document = documents.getOrDefault(path, new Document(404, "text/plain", "not found"));
        byte[] body = document.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", document.contentType());
        exchange.sendResponseHeaders(document.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

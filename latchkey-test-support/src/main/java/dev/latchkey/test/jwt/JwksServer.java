package dev.latchkey.test.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JWKS endpoint on 127.0.0.1 (the JDK's HTTP server), as an identity provider serves one: it counts its requests,
 * can be switched "down" (HTTP 503) and can send {@code Cache-Control} lines. Close it to stop.
 */
public final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String body = "{\"keys\":[]}";
    private volatile boolean down;
    private volatile List<String> cacheControl = List.of();

    /** On a free port. */
    public JwksServer() {
        this(0);
    }

    /** On {@code port} (0: a free one), e.g. the fixed port a running server was configured with. */
    public JwksServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] out = (down ? "unavailable" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            cacheControl.forEach(line -> exchange.getResponseHeaders().add("Cache-Control", line));
            exchange.sendResponseHeaders(down ? 503 : 200, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
    }

    /** A server publishing {@code issuer}'s public key. */
    public static JwksServer serving(TestIssuer issuer) {
        return new JwksServer().publishRaw(issuer.publicJwks());
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    /** Publishes {@code keys} as given: tests publish private keys on purpose, to see them refused. */
    public JwksServer publish(JWK... keys) {
        body = new JWKSet(List.of(keys)).toString(false);
        return this;
    }

    public JwksServer publishRaw(String json) {
        body = json;
        return this;
    }

    /** The {@code Cache-Control} field lines of every response (none by default), one line per value. */
    public JwksServer cacheControl(String... lines) {
        this.cacheControl = List.of(lines);
        return this;
    }

    public void down(boolean isDown) {
        this.down = isDown;
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

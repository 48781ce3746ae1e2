package dev.latchkey.test.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Real requests with the JDK HTTP client: header name/value pairs, a text body, bodies read as UTF-8 strings,
 * problem+json bodies as JSON. I/O failures are thrown unchecked; an interrupt is kept and thrown as
 * {@link IllegalStateException}.
 */
public final class Http {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient PLAIN = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    private Http() {
    }

    /** A client without TLS settings of its own (the JDK's defaults). */
    public static HttpClient plain() {
        return PLAIN;
    }

    /** A client with {@code tls} (see {@code dev.latchkey.test.pki.SslContexts}). */
    public static HttpClient client(SSLContext tls) {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).sslContext(tls).build();
    }

    /** GET {@code url} with header name/value pairs. */
    public static HttpResponse<String> get(String url, String... headers) {
        return send(PLAIN, "GET", url, null, headers);
    }

    public static HttpResponse<String> get(HttpClient client, String url, String... headers) {
        return send(client, "GET", url, null, headers);
    }

    /** {@code method} {@code url} with a text body ({@code text/plain; charset=UTF-8} unless a header says else). */
    public static HttpResponse<String> send(String method, String url, String body, String... headers) {
        return send(PLAIN, method, url, body, headers);
    }

    /** @param body {@code null}: none */
    public static HttpResponse<String> send(HttpClient client, String method, String url, String body,
                                            String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs");
        }
        HttpRequest.Builder request = request(method, url, body);
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                request.setHeader(headers[i], headers[i + 1]);
            } else {
                request.header(headers[i], headers[i + 1]);
            }
        }
        return send(client, request.build());
    }

    /** A request with the suite's timeout and a text body ({@code null}: none) as {@code text/plain; charset=UTF-8}. */
    public static HttpRequest.Builder request(String method, String url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT);
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "text/plain; charset=UTF-8");
    }

    /** Sends {@code request}, its body read as a UTF-8 string. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code Basic base64(utf8(user:password))}, RFC 7617 §2. */
    public static String basic(String user, String password) {
        return Credential.basicValue(user, password);
    }

    /** The body as a JSON object (needs a Jakarta JSON Processing implementation, e.g. Parsson). */
    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** The value of one response header, or null. */
    public static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}

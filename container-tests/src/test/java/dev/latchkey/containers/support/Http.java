package dev.latchkey.containers.support;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP(S) client for the suite: real requests against the deployed application. */
public final class Http {

    private static final HttpClient PLAIN = client(false);
    private static final HttpClient WITH_CLIENT_CERTIFICATE = client(true);

    private Http() {
    }

    private static HttpClient client(boolean withClientCertificate) {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .sslContext(TestPki.clientContext(withClientCertificate)).build();
    }

    public static HttpResponse<String> get(URL base, String path, String... headers) {
        return send(PLAIN, "GET", base, path, headers);
    }

    public static HttpResponse<String> send(String method, URL base, String path, String... headers) {
        return send(PLAIN, method, base, path, headers);
    }

    /** Over TLS, presenting the client certificate {@code CN=dev-client}. */
    public static HttpResponse<String> getWithClientCertificate(URL base, String path, String... headers) {
        return send(WITH_CLIENT_CERTIFICATE, "GET", base, path, headers);
    }

    private static HttpResponse<String> send(HttpClient client, String method, URL base, String path,
                                             String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Container.loopback(base) + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + base + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.latchkey.tck;

import dev.latchkey.tck.logs.LogCapture;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP client for the tests: real requests against the deployed application. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    public static HttpResponse<String> send(String method, URL base, String path, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
                rememberCredential(headers[i], headers[i + 1]);
            }
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every credential sent is checked against the suite's log output by NoSecretInLogsTest. */
    private static void rememberCredential(String name, String value) {
        if (name.equalsIgnoreCase("Authorization")) {
            int space = value.indexOf(' ');
            LogCapture.secret(space < 0 ? value : value.substring(space + 1));
        } else if (name.toLowerCase(java.util.Locale.ROOT).startsWith("x-")) {
            LogCapture.secret(value);
        }
    }

    public static HttpResponse<String> get(URL base, String path, String... headers) {
        return send("GET", base, path, headers);
    }
}

package dev.latchkey.containers.support;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;

/** Real requests against the deployed application on {@link Container#LOOPBACK} (the test kit's Http). */
public final class Http {

    private static final HttpClient PLAIN = dev.latchkey.test.http.Http.client(TestPki.clientContext(false));
    private static final HttpClient WITH_CLIENT_CERTIFICATE =
            dev.latchkey.test.http.Http.client(TestPki.clientContext(true));

    private Http() {
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
        return dev.latchkey.test.http.Http.send(client, method, Container.loopback(base) + path, null, headers);
    }
}

package dev.latchkey.test.http;

import javax.net.ssl.KeyManager;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * What a test request presents: headers it adds, whether it must go over TLS, and the client certificate (key
 * managers) it presents in the handshake, if any.
 */
public interface Credential {

    /** Adds this credential's headers to {@code request}. */
    void addTo(HttpRequest.Builder request);

    /** Whether the request must go over HTTPS (Basic, client certificates). */
    default boolean needsTls() {
        return false;
    }

    /** The key managers presenting a client certificate in the TLS handshake; empty for none. */
    default Optional<KeyManager[]> clientKeys() {
        return Optional.empty();
    }

    /** No credential, only HTTPS: e.g. to see that an anonymous request over TLS is refused too. */
    static Credential overTls() {
        return new HeaderCredential(null, null, true, "OverTls");
    }

    /** {@code Authorization: Bearer <token>} (RFC 6750 §2.1). */
    static Credential bearer(String token) {
        return new HeaderCredential("Authorization", "Bearer " + token, false, "Bearer");
    }

    /** {@code Authorization: Basic base64(utf8(user:password))} (RFC 7617 §2), over TLS. */
    static Credential basic(String user, String password) {
        return new HeaderCredential("Authorization", basicValue(user, password), true, "Basic[" + user + "]");
    }

    /** The {@code Authorization} value of Basic: {@code Basic base64(utf8(user:password))} (RFC 7617 §2). */
    static String basicValue(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One header, e.g. {@code X-API-Key}. */
    static Credential header(String name, String value) {
        return new HeaderCredential(name, value, false, "Header[" + name + "]");
    }
}

package dev.latchkey.test.http;

import java.net.http.HttpRequest;

/**
 * A credential sent in one header (none when {@code name} is null), over TLS or not; {@code shown} is its
 * {@code toString()}, which never holds the value.
 */
record HeaderCredential(String name, String value, boolean needsTls, String shown) implements Credential {

    @Override
    public void addTo(HttpRequest.Builder request) {
        if (name != null) {
            request.header(name, value);
        }
    }

    @Override
    public String toString() {
        return shown;
    }
}

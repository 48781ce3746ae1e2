package dev.latchkey.test;

import dev.latchkey.auth.apikey.CreatedApiKey;
import dev.latchkey.test.http.Credential;

import java.net.http.HttpRequest;

/** An API key issued by the server's own {@code ApiKeyService}: as a {@link Credential}, sent in its header. */
public record TestApiKey(CreatedApiKey created, String header) implements Credential {

    /** The full key, as a client sends it. */
    public String key() {
        return created.key();
    }

    public String keyId() {
        return created.keyId();
    }

    @Override
    public void addTo(HttpRequest.Builder request) {
        request.header(header, created.key());
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "TestApiKey[" + created.keyId() + "]";
    }
}

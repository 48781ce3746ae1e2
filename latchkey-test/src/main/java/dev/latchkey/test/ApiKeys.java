package dev.latchkey.test;

import dev.latchkey.auth.apikey.ApiKeyService;

import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Issues API keys through the running server's own {@link ApiKeyService} (its store, pepper and environment), so they
 * validate as a customer's key would; {@link #service()} rotates and revokes.
 */
public final class ApiKeys {

    private final Supplier<ApiKeyService> service;
    private final String header;

    ApiKeys(Supplier<ApiKeyService> service, String header) {
        this.service = service;
        this.header = header;
    }

    /** A key named {@code name} with {@code scopes}, never expiring. */
    public TestApiKey create(String name, String... scopes) {
        return create(name, null, scopes);
    }

    /** @param expires {@code null}: never */
    public TestApiKey create(String name, Instant expires, String... scopes) {
        return new TestApiKey(service().create(name, Set.of(scopes), expires), header);
    }

    /** The server's service: {@code rotate}, {@code revoke}, {@code list}. */
    public ApiKeyService service() {
        return service.get();
    }
}

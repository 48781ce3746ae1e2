package dev.latchkey.auth.apikey;

import dev.latchkey.auth.limit.RateLimit;
import java.time.Instant;
import java.util.Set;

/**
 * What to issue: owner name, scopes, groups, optional expiry and per-key rate limit.
 *
 * @param expires   {@code null} for a key that does not expire
 * @param rateLimit {@code null} for the default limit
 */
public record ApiKeySpec(String name, Set<String> scopes, Set<String> groups, Instant expires, RateLimit rateLimit) {

    public ApiKeySpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("API key name must not be blank");
        }
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public static ApiKeySpec of(String name, Set<String> scopes, Instant expires) {
        return new ApiKeySpec(name, scopes, Set.of(), expires, null);
    }
}

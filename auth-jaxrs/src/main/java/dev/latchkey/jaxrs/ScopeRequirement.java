package dev.latchkey.jaxrs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The scopes one {@link RequiresScope} demands, validated once at deployment. RFC 6749 §3.3: a scope token is
 * {@code 1*( %x21 / %x23-5B / %x5D-7E )}.
 */
public record ScopeRequirement(Set<String> scopes, ScopeMode mode) {

    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    public ScopeRequirement {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("@RequiresScope must name at least one scope");
        }
        for (String scope : scopes) {
            if (scope == null || !SCOPE_TOKEN.matcher(scope).matches()) {
                throw new IllegalArgumentException("not a valid scope token (RFC 6749 §3.3): '" + scope + "'");
            }
        }
        scopes = Set.copyOf(new LinkedHashSet<>(scopes));
    }

    public static ScopeRequirement of(RequiresScope annotation) {
        return new ScopeRequirement(new LinkedHashSet<>(List.of(annotation.value())), annotation.mode());
    }

    public boolean isSatisfiedBy(Set<String> granted) {
        return mode == ScopeMode.ALL ? granted.containsAll(scopes) : scopes.stream().anyMatch(granted::contains);
    }

    /** The scopes to name in an {@code insufficient_scope} error: all for ALL, the alternatives for ANY. */
    public Set<String> missingFrom(Set<String> granted) {
        if (mode == ScopeMode.ANY) {
            return scopes;
        }
        Set<String> missing = new LinkedHashSet<>(scopes);
        missing.removeAll(granted);
        return missing;
    }
}

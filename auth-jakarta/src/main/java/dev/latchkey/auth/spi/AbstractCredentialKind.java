package dev.latchkey.auth.spi;

import jakarta.security.enterprise.credential.Credential;

import java.util.List;
import java.util.Objects;

/**
 * A {@link CredentialKind} whose name, challenge schemes and resolver are fixed at construction: a kind then only
 * overrides the hooks it needs.
 *
 * @param <C> the credential its resolver finds and the identity stores validate
 */
public abstract class AbstractCredentialKind<C extends Credential> implements CredentialKind<C> {

    private final String name;
    private final List<String> challengeSchemes;
    private final CredentialResolver<C> resolver;

    protected AbstractCredentialKind(String name, List<String> challengeSchemes, CredentialResolver<C> resolver) {
        this.name = Objects.requireNonNull(name, "name");
        this.challengeSchemes = List.copyOf(challengeSchemes);
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> challengeSchemes() {
        return challengeSchemes;
    }

    @Override
    public final CredentialResolver<C> resolver() {
        return resolver;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}

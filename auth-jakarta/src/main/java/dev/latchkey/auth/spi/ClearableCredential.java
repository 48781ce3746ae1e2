package dev.latchkey.auth.spi;

import jakarta.security.enterprise.credential.Credential;

import java.util.Objects;

/**
 * A credential holding a secret (a presented key, a request to verify) that {@link #clear()} drops, after which
 * {@link #isCleared()} is true and {@link #secret()} is {@code null}.
 *
 * @param <S> the secret
 */
public abstract class ClearableCredential<S> implements Credential {

    private volatile S secret;

    protected ClearableCredential(S secret) {
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    /** The secret, or {@code null} once cleared. */
    protected final S secret() {
        return secret;
    }

    @Override
    public final boolean isCleared() {
        return secret == null;
    }

    @Override
    public final void clear() {
        secret = null;
    }
}

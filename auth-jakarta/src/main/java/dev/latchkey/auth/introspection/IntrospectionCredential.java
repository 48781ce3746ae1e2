package dev.latchkey.auth.introspection;

import jakarta.security.enterprise.credential.Credential;

import java.util.Objects;

/**
 * An opaque bearer token for introspection (RFC 7662); {@link #toString()} never shows it.
 *
 * @param token the token. Secret: do not log it
 */
public record IntrospectionCredential(String token) implements Credential {

    public IntrospectionCredential {
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "IntrospectionCredential[length=" + token.length() + "]";
    }
}

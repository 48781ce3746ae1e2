package dev.latchkey.auth.introspection;

import jakarta.security.enterprise.credential.Credential;

import java.util.Objects;

/** An opaque bearer token for introspection (RFC 7662); {@link #toString()} never shows it. */
public final class IntrospectionCredential implements Credential {

    private final String token;

    public IntrospectionCredential(String token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    /** The token. Secret: do not log it. */
    public String token() {
        return token;
    }

    @Override
    public String toString() {
        return "IntrospectionCredential[length=" + token.length() + "]";
    }
}

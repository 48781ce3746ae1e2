package dev.latchkey.jetty.it.app.session;

import jakarta.security.enterprise.credential.Credential;

/** TEST FIXTURE: the README's example kind, compiled and run. An opaque session token from {@code X-Session}. */
public record SessionToken(String value) implements Credential {
}

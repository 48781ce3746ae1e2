package dev.latchkey.jaxrs;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.WwwAuthenticate;
import dev.latchkey.auth.mechanism.AuthenticatorChain;
import dev.latchkey.auth.mechanism.LatchkeyAuthenticationMechanism;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

import java.util.List;

/**
 * The {@code WWW-Authenticate} challenges of the running Latchkey chain, looked up once through CDI. Without a
 * Latchkey mechanism (an application that brings its own) a plain {@code Bearer realm="api"} is used.
 */
final class Challenges {

    private static final String DEFAULT_REALM = "api";

    private volatile AuthenticatorChain chain;
    private volatile boolean looked;

    List<String> forError(AuthError error) {
        AuthenticatorChain c = chain();
        if (error.scheme() == null) {
            if (error.status() == 401) {
                return c == null ? List.of(WwwAuthenticate.challenge("Bearer", DEFAULT_REALM)) : c.challenges();
            }
            return List.of();
        }
        return c == null ? List.of(WwwAuthenticate.challenge(DEFAULT_REALM, error)) : c.challengesFor(error);
    }

    private AuthenticatorChain chain() {
        if (!looked) {
            try {
                Instance<LatchkeyAuthenticationMechanism> mechanism =
                        CDI.current().select(LatchkeyAuthenticationMechanism.class);
                chain = mechanism.isResolvable() ? mechanism.get().chain() : null;
            } catch (IllegalStateException e) {
                chain = null; // no CDI container
            }
            looked = true;
        }
        return chain;
    }
}

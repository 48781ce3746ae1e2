package dev.latchkey.jaxrs;

import dev.latchkey.auth.audit.AuthenticationEvent;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.WwwAuthenticate;
import dev.latchkey.auth.mechanism.AuthenticatorChain;
import dev.latchkey.auth.mechanism.LatchkeyAuthenticationMechanism;
import dev.latchkey.auth.mechanism.MechanismSettings;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.util.List;

/**
 * What the JAX-RS layer needs of the running Latchkey application, looked up once through CDI: the
 * {@code WWW-Authenticate} challenges of the chain and the audit event bus. Without a Latchkey mechanism (an
 * application that brings its own) a plain {@code Bearer} challenge with {@code latchkey.realm} is used.
 */
final class Challenges {

    private volatile AuthenticatorChain chain;
    private volatile String realm;
    private volatile BeanManager beanManager;
    private volatile boolean looked;

    List<String> forError(AuthError error) {
        lookUp();
        if (error.scheme() == null) {
            if (error.status() == 401) {
                return chain == null ? List.of(WwwAuthenticate.challenge("Bearer", realm)) : chain.challenges();
            }
            return List.of();
        }
        return chain == null ? List.of(WwwAuthenticate.challenge(realm, error)) : chain.challengesFor(error);
    }

    /** Fires the audit {@code CHALLENGE} event for a 401 answered to a request without credentials. */
    void challenged(String remoteAddress, String path) {
        lookUp();
        if (beanManager != null) {
            beanManager.getEvent().select(AuthenticationEvent.class).fire(new AuthenticationEvent(
                    AuthenticationEvent.Outcome.CHALLENGE, null, "no_credential", 401, null, null, remoteAddress,
                    path, Instant.now()));
        }
    }

    /**
     * The client address of the current request from CDI's built-in {@code HttpServletRequest} bean (CDI 4.0 §18.3.1,
     * Jakarta EE containers and Weld servlet), or null outside a servlet request or without CDI.
     */
    String remoteAddress() {
        try {
            Instance<HttpServletRequest> request = CDI.current().select(HttpServletRequest.class);
            return request.isResolvable() ? request.get().getRemoteAddr() : null;
        } catch (RuntimeException | LinkageError e) {
            return null; // no CDI container, no active request context, or no servlet API
        }
    }

    private void lookUp() {
        if (looked) {
            return;
        }
        try {
            beanManager = CDI.current().getBeanManager();
            Instance<LatchkeyAuthenticationMechanism> mechanism =
                    CDI.current().select(LatchkeyAuthenticationMechanism.class);
            chain = mechanism.isResolvable() ? mechanism.get().chain() : null;
        } catch (IllegalStateException e) {
            chain = null; // no CDI container
        }
        realm = chain != null ? chain.realm() : ConfigReader.current().string(MechanismSettings.REALM, "api");
        looked = true;
    }
}

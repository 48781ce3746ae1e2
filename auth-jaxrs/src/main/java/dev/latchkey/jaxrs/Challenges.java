package dev.latchkey.jaxrs;

import dev.latchkey.auth.audit.AuthenticationEvent;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.WwwAuthenticate;
import dev.latchkey.auth.mechanism.AuthenticatorChain;
import dev.latchkey.auth.mechanism.LatchkeyAuthenticationMechanism;
import dev.latchkey.auth.mechanism.MechanismSettings;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the JAX-RS layer needs of the running Latchkey application, looked up once through CDI: the
 * {@code WWW-Authenticate} challenges of the chain and the audit event bus. Without a Latchkey mechanism (an
 * application that brings its own) a plain {@code Bearer} challenge with {@code latchkey.realm} is used.
 *
 * <p>The chain is the one the mechanism ran for the request (request attribute
 * {@link AuthenticatorChain#REQUEST_ATTRIBUTE}); else the one found through CDI. The CDI container is the web
 * application's own (its servlet context's {@code BeanManager} attribute, set by Weld
 * and other servlet CDI integrations); {@code CDI.current()} is only the fallback, because with several web
 * applications in one JVM (embedded Jetty) it may answer with another application's container.
 */
final class Challenges {

    private volatile AuthenticatorChain chain;
    private volatile String realm;
    private volatile BeanManager beanManager;
    private volatile boolean looked;

    /**
     * @param ranChain the request's {@link AuthenticatorChain#REQUEST_ATTRIBUTE} (JAX-RS exposes servlet request
     *                 attributes as request properties), or null
     * @param request  the current servlet request, or null: finds the application's CDI container otherwise
     */
    List<String> forError(AuthError error, Object ranChain, HttpServletRequest request) {
        AuthenticatorChain ran = ranChain instanceof AuthenticatorChain c ? c : null;
        if (ran == null) {
            lookUp(request);
        }
        AuthenticatorChain chain = ran != null ? ran : this.chain;
        String realm = ran != null ? ran.realm() : this.realm;
        if (error.scheme() == null) {
            if (error.status() == 401) {
                return chain == null ? List.of(WwwAuthenticate.challenge("Bearer", realm)) : chain.challenges();
            }
            return List.of();
        }
        return chain == null ? List.of(WwwAuthenticate.challenge(realm, error)) : chain.challengesFor(error);
    }

    /** Fires the audit {@code CHALLENGE} event for a 401 answered to a request without credentials. */
    void challenged(HttpServletRequest request, String path) {
        lookUp(request);
        String remoteAddress = request != null ? request.getRemoteAddr() : remoteAddress();
        if (beanManager != null) {
            beanManager.getEvent().select(AuthenticationEvent.class).fire(new AuthenticationEvent(
                    AuthenticationEvent.Outcome.CHALLENGE, null, "no_credential", 401, null, null, remoteAddress,
                    path, Instant.now()));
        }
    }

    /**
     * The client address from CDI's built-in {@code HttpServletRequest} bean (CDI 4.0 §18.3.1, Jakarta EE containers
     * and Weld servlet), for when JAX-RS did not inject the request (filters registered by a DynamicFeature); null
     * outside a servlet request or without CDI.
     */
    private String remoteAddress() {
        try {
            Instance<HttpServletRequest> request = beanManager == null ? null
                    : beanManager.createInstance().select(HttpServletRequest.class);
            return request != null && request.isResolvable() ? request.get().getRemoteAddr() : null;
        } catch (RuntimeException | LinkageError e) {
            return null; // no active request context, or no servlet API
        }
    }

    private void lookUp(HttpServletRequest request) {
        if (looked) {
            return;
        }
        beanManager = applicationBeanManager(request);
        chain = null;
        if (beanManager != null) {
            Set<Bean<?>> beans = beanManager.getBeans(LatchkeyAuthenticationMechanism.class);
            if (!beans.isEmpty()) {
                Bean<?> bean = beanManager.resolve(beans);
                chain = ((LatchkeyAuthenticationMechanism) beanManager.getReference(bean,
                        LatchkeyAuthenticationMechanism.class, beanManager.createCreationalContext(bean))).chain();
            }
        }
        realm = chain != null ? chain.realm() : ConfigReader.current().string(MechanismSettings.REALM, "api");
        looked = true;
    }

    private static BeanManager applicationBeanManager(HttpServletRequest request) {
        if (request != null && request.getServletContext() != null
                && request.getServletContext().getAttribute(BeanManager.class.getName()) instanceof BeanManager bm) {
            return bm;
        }
        try {
            return CDI.current().getBeanManager();
        } catch (IllegalStateException e) {
            return null; // no CDI container
        }
    }
}

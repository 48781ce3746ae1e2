package dev.latchkey.jaxrs;

import dev.latchkey.auth.audit.AuthenticationEvent;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.WwwAuthenticate;
import dev.latchkey.auth.mechanism.AuthenticatorChain;
import dev.latchkey.auth.mechanism.LatchkeyAuthenticationMechanism;
import dev.latchkey.auth.mechanism.MechanismSettings;
import dev.latchkey.auth.mechanism.RequestAuthContext;
import dev.latchkey.auth.request.AuthScheme;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code WWW-Authenticate} challenges and the audit of the JAX-RS layer's 401s, for the request's own web
 * application. The Latchkey mechanism leaves a {@link RequestAuthContext} on every request (request attribute
 * {@link AuthenticatorChain#REQUEST_ATTRIBUTE}, which JAX-RS exposes as a request property): its chain challenges and
 * its audit sink is the application's.
 *
 * <p>Without one (an application that brings its own mechanism) the CDI container is asked, on each use:
 * {@code CDI.current()}, which with several web applications in one JVM may be another application's; then a plain
 * {@code Bearer} challenge with {@code latchkey.realm}.
 */
final class Challenges {

    /**
     * @param authContext the request's {@link AuthenticatorChain#REQUEST_ATTRIBUTE} property, or null
     */
    List<String> forError(AuthError error, Object authContext) {
        Optional<AuthenticatorChain> chain = RequestAuthContext.of(authContext).map(RequestAuthContext::chain)
                .or(Challenges::lookUpChain);
        if (error.scheme() == null) {
            if (error.status() != 401) {
                return List.of();
            }
            return chain.map(AuthenticatorChain::challenges)
                    .orElseGet(() -> List.of(WwwAuthenticate.challenge(AuthScheme.BEARER, configuredRealm())));
        }
        return chain.map(c -> c.challengesFor(error))
                .orElseGet(() -> List.of(WwwAuthenticate.challenge(configuredRealm(), error)));
    }

    /**
     * The scheme of a 403 {@code insufficient_scope} by credential kind name: the kind's own when it is {@code Bearer}
     * ({@link AuthenticatorChain#insufficientScopeScheme}); {@code Bearer} for every caller without a chain.
     *
     * @param authContext the request's {@link AuthenticatorChain#REQUEST_ATTRIBUTE} property, or null
     */
    Function<String, Optional<String>> scopeScheme(Object authContext) {
        // Looked up only when a scope is missing: never on the path of a granted request.
        return mechanism -> RequestAuthContext.of(authContext).map(RequestAuthContext::chain)
                .or(Challenges::lookUpChain).map(chain -> chain.insufficientScopeScheme(mechanism))
                .orElse(Optional.of(AuthScheme.BEARER));
    }

    /** Fires the audit {@code CHALLENGE} event for a 401 answered to a request without credentials. */
    void challenged(Object authContext, String path) {
        Optional<RequestAuthContext> context = RequestAuthContext.of(authContext);
        if (context.isPresent()) {
            context.get().challenged();
            return;
        }
        BeanManager beanManager = beanManager();
        if (beanManager != null) {
            beanManager.getEvent().select(AuthenticationEvent.class).fire(new AuthenticationEvent(
                    AuthenticationEvent.Outcome.CHALLENGE, null, "no_credential", 401, null, null,
                    remoteAddress(beanManager), path, Instant.now()));
        }
    }

    private static String configuredRealm() {
        return ConfigReader.current().string(MechanismSettings.REALM, "api");
    }

    /** The Latchkey mechanism's chain through CDI, for a request it did not run for. */
    private static Optional<AuthenticatorChain> lookUpChain() {
        BeanManager beanManager = beanManager();
        if (beanManager == null) {
            return Optional.empty();
        }
        Set<Bean<?>> beans = beanManager.getBeans(LatchkeyAuthenticationMechanism.class);
        if (beans.isEmpty()) {
            return Optional.empty();
        }
        Bean<?> bean = beanManager.resolve(beans);
        return Optional.ofNullable(((LatchkeyAuthenticationMechanism) beanManager.getReference(bean,
                LatchkeyAuthenticationMechanism.class, beanManager.createCreationalContext(bean))).chain());
    }

    /**
     * The client address from CDI's built-in {@code HttpServletRequest} bean (CDI 4.0 §18.3.1, Jakarta EE containers
     * and Weld servlet); null outside a servlet request or without the servlet API.
     */
    private static String remoteAddress(BeanManager beanManager) {
        try {
            Instance<HttpServletRequest> request = beanManager.createInstance().select(HttpServletRequest.class);
            return request.isResolvable() ? request.get().getRemoteAddr() : null;
        } catch (RuntimeException | LinkageError e) {
            return null; // no active request context, or no servlet API
        }
    }

    private static BeanManager beanManager() {
        try {
            return CDI.current().getBeanManager();
        } catch (IllegalStateException e) {
            return null; // no CDI container
        }
    }
}

package dev.latchkey.jetty;

import dev.latchkey.auth.mechanism.LatchkeyIdentityStoreHandler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;

/**
 * Enables Latchkey's {@link LatchkeyIdentityStoreHandler} on Jetty. Soteria's default handler looks the CDI
 * BeanManager up in JNDI ({@code java:comp/BeanManager}), which Jetty does not bind; binding it would in turn wake
 * Soteria's JASPIC installer, which fails on Jetty's {@code AuthConfigFactory}. The handler is a plain object (no
 * proxy): the mechanism calls it directly.
 */
@Alternative
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
@ApplicationScoped
public class JettyIdentityStores {

    @Produces
    @Singleton
    IdentityStoreHandler handler(@Any Instance<IdentityStore> stores) {
        return new LatchkeyIdentityStoreHandler(stores.stream().toList());
    }
}

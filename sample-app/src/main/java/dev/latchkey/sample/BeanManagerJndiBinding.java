package dev.latchkey.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;

import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.logging.Logger;

/**
 * Work-around for embedded Jetty: Soteria's default {@code IdentityStoreHandler} finds the {@link BeanManager} only
 * through JNDI ({@code java:comp/BeanManager}), which Jetty's {@code ServletContextHandler} does not bind. Binds it
 * when the application starts. (Belongs in auth-jetty's initializer.)
 */
@ApplicationScoped
public class BeanManagerJndiBinding {

    private static final Logger LOG = Logger.getLogger(BeanManagerJndiBinding.class.getName());

    void bind(@Observes @Initialized(ApplicationScoped.class) Object started, BeanManager beanManager) {
        try {
            // rebind: a server restarted in the same JVM must not keep the previous container's BeanManager
            Context comp = (Context) new InitialContext().lookup("java:comp");
            comp.rebind("BeanManager", beanManager);
        } catch (NamingException | RuntimeException e) {
            LOG.warning("cannot bind java:comp/BeanManager: " + e);
        }
    }
}

package dev.latchkey.auth.cdi;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.mechanism.LatchkeyAuthenticationMechanism;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deployment-time decisions of Latchkey: fails deployment when one of Latchkey's credential kinds or identity stores
 * cannot be loaded ({@link LoadableBeans}), and removes the Latchkey mechanism when {@code latchkey.mechanism.enabled=false},
 * for applications that bring their own {@code HttpAuthenticationMechanism} (Jakarta Security resolves exactly one)
 * and use Latchkey's stores or JAX-RS annotations only.
 *
 * <p>It names no MicroProfile JWT type (that API is optional at run time): the application's {@code @LoginConfig} is
 * found by {@link dev.latchkey.auth.jwt.mp.MpJwtExtension}. One instance per CDI container, i.e. per web application.
 */
public class LatchkeyExtension implements Extension {

    public static final String ENABLED = "latchkey.mechanism.enabled";

    /**
     * Latchkey's own {@code @ApplicationScoped} classes that CDI discovered (every checked bean is one): a store that
     * failed to load never shows up here.
     */
    private final Set<String> discovered = ConcurrentHashMap.newKeySet();

    void discovered(@Observes @WithAnnotations(ApplicationScoped.class) ProcessAnnotatedType<?> type) {
        String name = type.getAnnotatedType().getJavaClass().getName();
        if (name.startsWith("dev.latchkey.auth.")) {
            discovered.add(name);
        }
    }

    void vetoWhenDisabled(@Observes ProcessAnnotatedType<LatchkeyAuthenticationMechanism> type) {
        if (!ConfigReader.current().bool(ENABLED, true)) {
            discovered.add(type.getAnnotatedType().getJavaClass().getName()); // absent on purpose, not a load failure
            type.veto();
        }
    }

    void failWhenBeanCannotLoad(@Observes AfterBeanDiscovery event) {
        for (LoadableBeans.LoadFailure failure : LoadableBeans.check(LatchkeyExtension.class.getClassLoader(),
                discovered)) {
            event.addDefinitionError(new DeploymentException(failure.message(), failure.cause()));
        }
    }
}

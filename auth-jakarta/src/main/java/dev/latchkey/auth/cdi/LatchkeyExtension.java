package dev.latchkey.auth.cdi;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.mechanism.LatchkeyAuthenticationMechanism;
import dev.latchkey.auth.mechanism.LoginConfigDeclaration;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import org.eclipse.microprofile.auth.LoginConfig;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Deployment-time decisions of Latchkey:
 * <ul>
 *   <li>removes the Latchkey mechanism when {@code latchkey.mechanism.enabled=false}, for applications that bring
 *   their own {@code HttpAuthenticationMechanism} (Jakarta Security resolves exactly one) and use Latchkey's stores
 *   or JAX-RS annotations only;</li>
 *   <li>finds the application's {@code @LoginConfig} (MicroProfile JWT 2.1: on the JAX-RS {@code Application}
 *   class), which enables the {@code jwt} mechanism when {@code latchkey.mechanisms} is not set (see
 *   {@link dev.latchkey.auth.mechanism.MechanismSettings}). The class must be discovered by CDI: in a bean archive
 *   with {@code bean-discovery-mode="all"}, or carrying a bean-defining annotation.</li>
 * </ul>
 * One instance per CDI container, i.e. per web application.
 */
public class LatchkeyExtension implements Extension {

    public static final String ENABLED = "latchkey.mechanism.enabled";

    private static final Logger LOG = Logger.getLogger(LatchkeyExtension.class.getName());

    private final Set<LoginConfigDeclaration> loginConfigs = new LinkedHashSet<>();

    void vetoWhenDisabled(@Observes ProcessAnnotatedType<LatchkeyAuthenticationMechanism> type) {
        if (!ConfigReader.current().bool(ENABLED, true)) {
            type.veto();
        }
    }

    void findLoginConfig(@Observes @WithAnnotations(LoginConfig.class) ProcessAnnotatedType<?> type) {
        LoginConfig annotation = type.getAnnotatedType().getAnnotation(LoginConfig.class);
        if (annotation != null) {
            loginConfigs.add(new LoginConfigDeclaration(annotation.authMethod(), annotation.realmName()));
            LOG.info(() -> "@LoginConfig(authMethod = \"" + annotation.authMethod() + "\") on "
                    + type.getAnnotatedType().getJavaClass().getName());
        }
    }

    /**
     * The application's {@code @LoginConfig}: the MP-JWT one if any class declares it, else the first found; other
     * authentication methods than MP-JWT enable nothing.
     */
    public Optional<LoginConfigDeclaration> loginConfig() {
        Optional<LoginConfigDeclaration> mpJwt = loginConfigs.stream().filter(LoginConfigDeclaration::isMpJwt)
                .findFirst();
        if (mpJwt.isEmpty() && !loginConfigs.isEmpty()) {
            LOG.warning(() -> "@LoginConfig authMethod " + loginConfigs.iterator().next().authMethod()
                    + " is not MP-JWT: it enables no Latchkey mechanism");
        }
        return mpJwt.isPresent() ? mpJwt : loginConfigs.stream().findFirst();
    }
}

package dev.latchkey.auth.jwt.mp;

import jakarta.enterprise.inject.spi.AnnotatedType;
import org.eclipse.microprofile.auth.LoginConfig;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The application's {@code @LoginConfig} declarations (MicroProfile JWT 2.1, "Marking a JAX-RS Application as
 * Requiring MP-JWT Access Control"), collected at deployment by {@link MpJwtExtension}. This class names the
 * MicroProfile JWT API, so it is only loaded when that API is deployed.
 */
final class LoginConfigs {

    private static final Logger LOG = Logger.getLogger(LoginConfigs.class.getName());

    private final Set<LoginConfigDeclaration> found = new LinkedHashSet<>();

    void add(AnnotatedType<?> type) {
        LoginConfig annotation = type.getAnnotation(LoginConfig.class);
        if (annotation != null) {
            found.add(new LoginConfigDeclaration(annotation.authMethod(), annotation.realmName()));
            LOG.info(() -> "@LoginConfig(authMethod = \"" + annotation.authMethod() + "\") on "
                    + type.getJavaClass().getName());
        }
    }

    /** The MP-JWT declaration if any class makes one, else the first found; other methods enable nothing. */
    Optional<LoginConfigDeclaration> get() {
        Optional<LoginConfigDeclaration> mpJwt = found.stream().filter(LoginConfigDeclaration::isMpJwt).findFirst();
        if (mpJwt.isEmpty() && !found.isEmpty()) {
            LOG.warning(() -> "@LoginConfig authMethod " + found.iterator().next().authMethod()
                    + " is not MP-JWT: it enables no Latchkey mechanism");
        }
        return mpJwt.isPresent() ? mpJwt : found.stream().findFirst();
    }
}

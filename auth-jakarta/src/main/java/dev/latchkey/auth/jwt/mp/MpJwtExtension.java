package dev.latchkey.auth.jwt.mp;

import dev.latchkey.auth.caller.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.inject.Provider;

import java.lang.System.Logger.Level;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.security.Principal;

/**
 * The deployment-time rules of MicroProfile JWT 2.1 claim injection, and the {@code Principal} bean where the
 * container has none:
 * <ul>
 *   <li>a {@code @Claim} with inconsistent {@code value} and {@code standard}, or naming no claim, is a deployment
 *   error ("Injection of JsonWebToken claims ...": "required to throw a DeploymentException");</li>
 *   <li>an injection point of a type the spec does not list ({@link ClaimTypes}) is a deployment error, instead of a
 *   failure at first use;</li>
 *   <li>claim injection into a bean of a passivating scope ({@code @SessionScoped}, ...) is a deployment error
 *   ("Handling of Non-RequestScoped Injection of Claim Values"); into another normal scope longer than the request
 *   ({@code @ApplicationScoped}) it is allowed, with a warning unless the type is {@code ClaimValue},
 *   {@code Provider} or {@code Instance} (which follow the request; a raw value is fixed when the bean is made);</li>
 *   <li>{@code @Inject Principal}: CDI 4.0 §3.10 makes it a built-in bean of a Jakarta EE container; Weld without
 *   container security services (weld-servlet on Jetty) has none, so one is added: the request's caller (for a JWT
 *   caller, the {@link JwtCaller}, i.e. the {@code JsonWebToken}), or the empty token when unauthenticated.</li>
 * </ul>
 * Does nothing when the MicroProfile JWT API is not deployed.
 */
public class MpJwtExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(MpJwtExtension.class.getName());
    private static final boolean MP_JWT_PRESENT = present("org.eclipse.microprofile.jwt.Claim");

    void claimInjectionPoint(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint ip = event.getInjectionPoint();
        if (!MP_JWT_PRESENT || !isClaim(ip)) {
            return;
        }
        try {
            ClaimNames.of(ClaimNames.qualifier(ip).orElseThrow());
        } catch (IllegalArgumentException e) {
            event.addDefinitionError(new DeploymentException(e.getMessage() + " at " + ip.getMember()));
            return;
        }
        if (!ClaimTypes.isSupported(ClaimTypes.unwrapLookup(ip.getType()))) {
            event.addDefinitionError(new DeploymentException("@Claim injection into " + ip.getType().getTypeName()
                    + " at " + ip.getMember() + " is not supported; use String, Long, Boolean, Set<String>, a JSON-P "
                    + "type, Optional or ClaimValue of one"));
        }
    }

    void claimScopes(@Observes ProcessBean<?> event, BeanManager beanManager) {
        if (!MP_JWT_PRESENT) {
            return;
        }
        Bean<?> bean = event.getBean();
        Class<? extends Annotation> scope = bean.getScope();
        for (InjectionPoint ip : bean.getInjectionPoints()) {
            if (!isClaim(ip)) {
                continue;
            }
            if (beanManager.isPassivatingScope(scope)) {
                event.addDefinitionError(new DeploymentException("@Claim injection at " + ip.getMember()
                        + " into a bean of passivating scope @" + scope.getSimpleName() + " is not allowed"));
            } else if (beanManager.isNormalScope(scope) && scope != RequestScoped.class && !followsRequest(ip.getType())) {
                LOG.log(Level.WARNING, "@Claim injection at {0} into a @{1} bean keeps the value of the request "
                        + "that created the bean; inject ClaimValue, Provider or Instance to read the current "
                        + "request''s token", ip.getMember(), scope.getSimpleName());
            }
        }
    }

    void principalBean(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        if (!MP_JWT_PRESENT || !beanManager.getBeans(Principal.class).isEmpty()) {
            return; // the container's built-in bean (or the application's own)
        }
        event.addBean()
                .beanClass(MpJwtExtension.class)
                .types(Principal.class, Object.class)
                .scope(RequestScoped.class)
                .produceWith(MpJwtExtension::currentPrincipal);
    }

    private static Principal currentPrincipal(Instance<Object> beans) {
        CurrentCaller caller = beans.select(CurrentCaller.class).get();
        return caller.get().<Principal>map(c -> c).orElseGet(LatchkeyJsonWebToken::empty);
    }

    private static boolean isClaim(InjectionPoint ip) {
        for (Annotation q : ip.getQualifiers()) {
            if (q.annotationType().getName().equals("org.eclipse.microprofile.jwt.Claim")) {
                return true;
            }
        }
        return false;
    }

    private static boolean followsRequest(Type type) {
        Type raw = type instanceof ParameterizedType p ? p.getRawType() : type;
        return raw == Instance.class || raw == Provider.class
                || raw.getTypeName().equals("org.eclipse.microprofile.jwt.ClaimValue");
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, MpJwtExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}

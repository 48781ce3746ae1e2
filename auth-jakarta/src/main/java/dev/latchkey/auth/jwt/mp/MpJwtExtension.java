package dev.latchkey.auth.jwt.mp;

import dev.latchkey.auth.caller.CurrentCaller;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessSessionBean;
import jakarta.enterprise.inject.spi.SessionBeanType;
import jakarta.inject.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.security.Principal;
import java.util.Optional;

/**
 * The deployment-time rules of MicroProfile JWT 2.1 claim injection, the application's {@code @LoginConfig}, and
 * the {@code Principal} bean where the container has none:
 * <ul>
 *   <li>{@code @LoginConfig(authMethod = "MP-JWT")} on a class enables the {@code jwt} mechanism when
 *   {@code latchkey.mechanisms} is not set ({@link #loginConfig()});</li>
 *   <li>a {@code @Claim} with inconsistent {@code value} and {@code standard}, or naming no claim, is a deployment
 *   error ("Injection of JsonWebToken claims ...": "required to throw a DeploymentException");</li>
 *   <li>an injection point of a type the spec does not list ({@link ClaimTypes}) is a deployment error, instead of a
 *   failure at first use;</li>
 *   <li>claim injection into a bean of a passivating scope ({@code @SessionScoped}, ...) is a deployment error
 *   ("Handling of Non-RequestScoped Injection of Claim Values");</li>
 *   <li>a claim value ({@code String}, {@code Optional}, JSON-P, ...) injected into a bean that outlives the request
 *   (any scope but {@code @RequestScoped} and {@code @Dependent}: {@code @ApplicationScoped},
 *   {@code jakarta.inject.Singleton}, ...; and {@code @Stateless}/{@code @Singleton} session beans) is a deployment
 *   error naming the bean and the injection point: it would be fixed when the bean is made, i.e. the first caller's
 *   claim would be served to every later caller. {@code ClaimValue}, {@code Provider} and {@code Instance} follow the
 *   request and stay allowed. The same section only allows a warning here ("required to support a claim value
 *   injection into @ApplicationScoped beans"): Latchkey refuses, because a warning is easily missed and the result
 *   is one user seeing another's identity. No base-suite TCK application injects a raw value there.</li>
 *   <li>{@code @Inject Principal}: CDI 4.0 §3.10 makes it a built-in bean of a Jakarta EE container; Weld without
 *   container security services (weld-servlet on Jetty) has none, so one is added: the request's caller (for a JWT
 *   caller, the {@link JwtCaller}, i.e. the {@code JsonWebToken}), or the empty token when unauthenticated.</li>
 * </ul>
 * Does nothing when the MicroProfile JWT API is not deployed.
 */
public class MpJwtExtension implements Extension {

    private static final String LOGIN_CONFIG = "org.eclipse.microprofile.auth.LoginConfig";
    private static final boolean MP_JWT_PRESENT = present("org.eclipse.microprofile.jwt.Claim")
            && present(LOGIN_CONFIG);

    /** Set when the MicroProfile JWT API is deployed; a holder class names its types. */
    private final LoginConfigs loginConfigs = MP_JWT_PRESENT ? new LoginConfigs() : null;

    /**
     * Collects {@code @LoginConfig} (matched by name: a {@code @WithAnnotations(LoginConfig.class)} filter would make
     * this extension fail to load where the MicroProfile JWT API is absent). The class must be discovered by CDI: in
     * a bean archive with {@code bean-discovery-mode="all"}, or carrying a bean-defining annotation.
     */
    void findLoginConfig(@Observes ProcessAnnotatedType<?> type) {
        if (loginConfigs == null) {
            return;
        }
        for (Annotation a : type.getAnnotatedType().getAnnotations()) {
            if (a.annotationType().getName().equals(LOGIN_CONFIG)) {
                loginConfigs.add(type.getAnnotatedType());
            }
        }
    }

    /**
     * The application's {@code @LoginConfig}: the MP-JWT one if any class declares it, else the first found; empty
     * without one or without the MicroProfile JWT API. Read by the mechanism at start-up (see
     * {@link dev.latchkey.auth.mechanism.MechanismSettings}).
     */
    public Optional<LoginConfigDeclaration> loginConfig() {
        return loginConfigs == null ? Optional.empty() : loginConfigs.get();
    }

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
        Optional<String> sessionBean = sharedSessionBean(event);
        String kind = sessionBean.orElse("@" + scope.getSimpleName());
        boolean outlivesRequest = scope != RequestScoped.class && scope != Dependent.class || sessionBean.isPresent();
        for (InjectionPoint ip : bean.getInjectionPoints()) {
            if (!isClaim(ip)) {
                continue;
            }
            if (beanManager.isPassivatingScope(scope)) {
                event.addDefinitionError(new DeploymentException("@Claim injection at " + ip.getMember()
                        + " into " + bean.getBeanClass().getName() + ", a bean of passivating scope " + kind
                        + ", is not allowed"));
            } else if (outlivesRequest && !followsRequest(ip.getType())) {
                event.addDefinitionError(new DeploymentException("@Claim injection of "
                        + ip.getType().getTypeName() + " at " + ip.getMember() + " into "
                        + bean.getBeanClass().getName() + ", a " + kind + " bean, would keep the claim of the "
                        + "first request for every caller; inject ClaimValue, Provider or Instance of it, or make "
                        + "the bean @RequestScoped or @Dependent"));
            }
        }
    }

    /** {@code @Stateless} or {@code @Singleton} session beans: one instance serves many requests, whatever its scope. */
    private static Optional<String> sharedSessionBean(ProcessBean<?> event) {
        if (event instanceof ProcessSessionBean<?> session
                && session.getSessionBeanType() != SessionBeanType.STATEFUL) {
            return Optional.of("@" + (session.getSessionBeanType() == SessionBeanType.STATELESS ? "Stateless"
                    : "Singleton") + " session");
        }
        return Optional.empty();
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

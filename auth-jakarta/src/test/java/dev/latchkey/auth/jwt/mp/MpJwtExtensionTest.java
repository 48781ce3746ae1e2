package dev.latchkey.auth.jwt.mp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessSessionBean;
import jakarta.enterprise.inject.spi.SessionBeanType;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MicroProfile JWT 2.1, "Handling of Non-RequestScoped Injection of Claim Values". */
class MpJwtExtensionTest {

    /** The bean whose injection points are checked (its name must appear in the error). */
    static final class ReportBean {
    }

    private static final InjectionPoint RAW = FakeInjectionPoint.claim("sub", String.class);

    private static <T> T fake(Class<T> type, java.util.function.Function<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> answers.apply(method.getName())));
    }

    /** The definition errors the extension reports for one bean. */
    private static List<Throwable> errors(Class<? extends Annotation> scope, SessionBeanType sessionType,
                                          InjectionPoint ip) {
        Bean<?> bean = fake(Bean.class, m -> switch (m) {
            case "getScope" -> scope;
            case "getBeanClass" -> ReportBean.class;
            case "getInjectionPoints" -> Set.of(ip);
            default -> null;
        });
        List<Throwable> errors = new ArrayList<>();
        Class<?> eventType = sessionType == null ? ProcessBean.class : ProcessSessionBean.class;
        ProcessBean<?> event = (ProcessBean<?>) Proxy.newProxyInstance(eventType.getClassLoader(),
                new Class<?>[]{eventType}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBean" -> bean;
                    case "getSessionBeanType" -> sessionType;
                    case "addDefinitionError" -> errors.add((Throwable) args[0]);
                    default -> null;
                });
        BeanManager passivating = (BeanManager) Proxy.newProxyInstance(BeanManager.class.getClassLoader(),
                new Class<?>[]{BeanManager.class}, (proxy, method, args) -> method.getName().equals("isPassivatingScope")
                        ? args[0] == SessionScoped.class : null);
        new MpJwtExtension().claimScopes(event, passivating);
        return errors;
    }

    @Test
    void whenRawClaimIntoBeanOutlivingTheRequestThenDeploymentErrorNamingBeanAndField() {
        for (Class<? extends Annotation> scope : List.of(ApplicationScoped.class, Singleton.class)) {
            List<Throwable> errors = errors(scope, null, RAW);
            assertEquals(1, errors.size(), scope.getSimpleName());
            DeploymentException error = (DeploymentException) errors.get(0);
            assertTrue(error.getMessage().contains(ReportBean.class.getName()), error.getMessage());
            assertTrue(error.getMessage().contains("@" + scope.getSimpleName()), error.getMessage());
            assertTrue(error.getMessage().contains("java.lang.String"), error.getMessage());
        }
        Throwable optional = errors(ApplicationScoped.class, null,
                FakeInjectionPoint.claim("sub", new TypeLiteral<Optional<String>>() { })).get(0);
        assertTrue(optional.getMessage().contains("Optional"), optional.getMessage());
    }

    @Test
    void whenRawClaimIntoStatelessOrSingletonSessionBeanThenDeploymentError() {
        for (SessionBeanType type : List.of(SessionBeanType.STATELESS, SessionBeanType.SINGLETON)) {
            List<Throwable> errors = errors(Dependent.class, type, RAW);
            assertEquals(1, errors.size(), type.name());
            assertTrue(errors.get(0).getMessage().contains("session"), errors.get(0).getMessage());
        }
    }

    @Test
    void whenRawClaimIntoRequestScopedOrDependentBeanThenAllowed() {
        assertEquals(List.of(), errors(RequestScoped.class, null, RAW));
        assertEquals(List.of(), errors(Dependent.class, null, RAW));
    }

    @Test
    void whenClaimFollowsTheRequestThenAllowedInAnyNonPassivatingScope() {
        for (TypeLiteral<?> type : List.of(new TypeLiteral<ClaimValue<String>>() { },
                new TypeLiteral<Provider<String>>() { }, new TypeLiteral<Instance<String>>() { })) {
            InjectionPoint ip = FakeInjectionPoint.claim("sub", type);
            assertEquals(List.of(), errors(ApplicationScoped.class, null, ip), type.getType().getTypeName());
            assertEquals(List.of(), errors(Dependent.class, SessionBeanType.STATELESS, ip));
        }
    }

    @Test
    void whenClaimIntoPassivatingBeanThenDeploymentErrorEvenForClaimValue() {
        List<Throwable> errors = errors(SessionScoped.class, null,
                FakeInjectionPoint.claim("sub", new TypeLiteral<ClaimValue<String>>() { }));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).getMessage().contains("passivating"), errors.get(0).getMessage());
    }
}

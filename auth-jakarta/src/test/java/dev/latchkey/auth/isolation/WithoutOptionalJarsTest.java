package dev.latchkey.auth.isolation;

import dev.latchkey.auth.cdi.LoadableBeans;
import org.junit.jupiter.api.Test;

import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Latchkey in a web application whose class loader lacks a jar: the MicroProfile JWT API (optional: bearer tokens
 * still work, the caller is just not a {@code JsonWebToken}), or a library a store needs (deployment fails, naming the
 * class and the cause).
 */
class WithoutOptionalJarsTest {

    private static final String MP_JWT_API = "microprofile-jwt-auth-api";

    @Test
    void whenMicroProfileJwtApiAbsentThenJwtStoreStillValidatesTokens() throws Exception {
        assertEquals("VALID LatchkeyCaller alice@example.com [admin, user] [read, write]", probe(MP_JWT_API));
    }

    @Test
    void whenMicroProfileJwtApiPresentThenJwtCallerIsTheJsonWebToken() throws Exception {
        assertEquals("VALID JwtCaller alice@example.com [admin, user] [read, write]", probe("no-such-jar"));
    }

    @Test
    void whenMicroProfileJwtApiAbsentThenEveryStoreAndAuthenticatorLoads() throws Exception {
        assertEquals(List.of(), loadErrors(MP_JWT_API));
    }

    @Test
    void whenStoreApiMissingThenLoadErrorNamesClassAndCause() throws Exception {
        List<String> errors = loadErrors("jakarta.security.enterprise-api");
        assertTrue(errors.contains("dev.latchkey.auth.jwt.JwtProducers java.lang.NoClassDefFoundError: "
                + "jakarta/security/enterprise/identitystore/IdentityStore"), errors.toString());
    }

    @Test
    void whenBeanNotDiscoveredThenDeploymentErrorNamesIt() {
        Set<String> all = Set.of("dev.latchkey.auth.mechanism.LatchkeyAuthenticationMechanism",
                "dev.latchkey.auth.apikey.ApiKeyProducers", "dev.latchkey.auth.basic.BasicProducers",
                "dev.latchkey.auth.cert.ClientCertificateProducers");
        List<LoadableBeans.LoadFailure> failures = LoadableBeans.check(getClass().getClassLoader(), all);
        assertEquals(1, failures.size(), failures.toString());
        assertEquals("Latchkey bean class dev.latchkey.auth.jwt.JwtProducers was not discovered by CDI; keep "
                + "auth-jakarta's META-INF/beans.xml and do not exclude or veto its classes", failures.get(0).message());
    }

    @SuppressWarnings("unchecked")
    private static String probe(String without) throws Exception {
        try (URLClassLoader loader = IsolatedClassPath.without(without)) {
            Class<?> probe = Class.forName(JwtProbe.class.getName(), true, loader);
            return ((Supplier<String>) probe.getConstructor().newInstance()).get();
        }
    }

    /** "class cause" of each Latchkey store or authenticator that cannot be loaded, as if CDI discovered none. */
    private static List<String> loadErrors(String without) throws Exception {
        try (URLClassLoader loader = IsolatedClassPath.without(without)) {
            Class<?> beans = Class.forName(LoadableBeans.class.getName(), true, loader);
            List<?> failures = (List<?>) beans.getMethod("check", ClassLoader.class, Set.class)
                    .invoke(null, loader, Set.of());
            List<String> errors = new ArrayList<>();
            for (Object failure : failures) {
                Object cause = failure.getClass().getMethod("cause").invoke(failure);
                if (cause != null) {
                    errors.add(failure.getClass().getMethod("className").invoke(failure) + " " + cause);
                }
            }
            return errors;
        }
    }
}

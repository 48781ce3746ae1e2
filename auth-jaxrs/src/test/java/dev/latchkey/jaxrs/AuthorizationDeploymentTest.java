package dev.latchkey.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fail-closed edges of the deployment: widening that fails, a resource method the runtime cannot name. */
class AuthorizationDeploymentTest {

    /** An invalid regular expression: resolving it throws an exception other than IllegalStateException. */
    @Path("/{x: [}")
    public static class BadRegex {
        @GET
        public String get() {
            return "";
        }
    }

    @Test
    void whenWideningFailsWithAnyErrorThenEveryLaterRequestFailsToo() {
        AuthorizationDeployment deployment = new AuthorizationDeployment(UnannotatedPolicy.PERMIT, List.of(), "app");
        assertThrows(IllegalStateException.class, () -> deployment.widen(null, () -> List.of(BadRegex.class), "app"));
        assertThrows(IllegalStateException.class, () -> deployment.widen(null, () -> List.of(BadRegex.class), "app"));
    }

    @Test
    void whenRequestsArriveThenTheRuntimeClassesAreAskedForOnlyOnce() {
        AuthorizationDeployment deployment = new AuthorizationDeployment(UnannotatedPolicy.PERMIT, List.of(), "app");
        int[] asked = {0};
        for (int i = 0; i < 3; i++) {
            deployment.widen(null, () -> {
                asked[0]++;
                return List.of();
            }, "app");
        }
        assertEquals(1, asked[0]);
    }

    @Test
    void whenResourceMethodIsUnknownThenThePolicyRuleIsRegistered() {
        AuthorizationDeployment deployment = new AuthorizationDeployment(UnannotatedPolicy.DENY, List.of(), "app");
        List<Object> registered = new ArrayList<>();
        FeatureContext context = (FeatureContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{FeatureContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("register")) {
                        registered.add(args[0]);
                    }
                    return proxy;
                });
        ResourceInfo unknown = new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return null;
            }

            @Override
            public Class<?> getResourceClass() {
                return null;
            }
        };
        new MethodAuthorization(deployment).configure(unknown, context);
        assertEquals(1, registered.size());
        assertTrue(registered.get(0) instanceof AuthorizationFilter filter && filter.rule().denyAll(),
                registered.toString());
    }
}

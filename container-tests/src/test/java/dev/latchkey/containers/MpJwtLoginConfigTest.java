package dev.latchkey.containers;

import dev.latchkey.containers.support.Deployments;
import dev.latchkey.containers.support.Http;
import dev.latchkey.containers.support.JwksIssuer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An application annotated {@code @LoginConfig(authMethod = "MP-JWT")}: Latchkey, not the container's MicroProfile
 * JWT implementation, verifies its tokens and answers with its error format. On WildFly the WAR's
 * {@code jboss-deployment-structure.xml} excludes the {@code microprofile-jwt-smallrye} subsystem (see
 * {@link Deployments#JBOSS_DEPLOYMENT_STRUCTURE}).
 */
@ExtendWith(ArquillianExtension.class)
class MpJwtLoginConfigTest {

    private static final JwksIssuer ISSUER = JwksIssuer.get();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new HashMap<>(ISSUER.config());
        config.put("latchkey.mechanisms", "jwt");
        config.put("latchkey.realm", "orders");
        return Deployments.war("mp-jwt", config, "MpJwtApplication", "OrdersResource");
    }

    @ArquillianResource
    URL base;

    @Test
    void whenLoginConfigMpJwtThenLatchkeyVerifiesTheToken() {
        HttpResponse<String> response = Http.get(base, "/api/me", "Authorization",
                "Bearer " + ISSUER.token("carol", List.of("user"), "orders:read"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("carol@latchkey.test jwt [user] [orders:read]", response.body());
    }

    @Test
    void whenLoginConfigMpJwtAndNoTokenThenLatchkeyChallenges() {
        HttpResponse<String> response = Http.get(base, "/api/orders");
        assertEquals(401, response.statusCode());
        assertEquals("Bearer realm=\"orders\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void whenLoginConfigMpJwtAndScopeMissingThen403InsufficientScope() {
        HttpResponse<String> response = Http.send("POST", base, "/api/orders", "Authorization",
                "Bearer " + ISSUER.token("carol", List.of(), "orders:read"));
        assertEquals(403, response.statusCode());
    }
}

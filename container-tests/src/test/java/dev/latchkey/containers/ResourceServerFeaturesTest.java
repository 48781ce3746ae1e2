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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 on every container: the RFC 9728 metadata document served from the WAR, and RFC 9470 step-up answers.
 */
@ExtendWith(ArquillianExtension.class)
class ResourceServerFeaturesTest {

    private static final JwksIssuer ISSUER = JwksIssuer.get();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Map<String, String> config = new HashMap<>(ISSUER.config());
        config.put("latchkey.mechanisms", "jwt");
        config.put("latchkey.resource-metadata.resource", "https://api.latchkey.test/payments");
        return Deployments.war("resource-server", config, "ApiApplication", "StepUpResource");
    }

    @ArquillianResource
    URL base;

    private HttpResponse<String> pay(Map<String, Object> claims) {
        return Http.get(base, "/api/payments", "Authorization",
                "Bearer " + ISSUER.token("alice", List.of(), "payments:write", claims));
    }

    @Test
    void whenRecentGoldAuthenticationThen200ElseInsufficientUserAuthentication() {
        HttpResponse<String> ok = pay(Map.of("acr", "urn:example:gold", "auth_time", Instant.now().getEpochSecond()));
        assertEquals(200, ok.statusCode(), ok.body());
        HttpResponse<String> old = pay(Map.of("acr", "urn:example:gold",
                "auth_time", Instant.now().minusSeconds(900).getEpochSecond()));
        assertEquals(401, old.statusCode(), old.body());
        String challenge = old.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertTrue(challenge.startsWith("Bearer ") && challenge.contains("error=\"insufficient_user_authentication\"")
                && challenge.contains("acr_values=\"urn:example:gold\"") && challenge.contains("max_age=\"300\""),
                challenge);
    }

    /** {@code auth_time} ahead of this server's clock by at most {@code mp.jwt.verify.clock.skew} (60 s), no more. */
    @Test
    void whenAuthTimeInTheFutureThenWithinTheClockSkew200AndBeyondIt401() {
        Instant now = Instant.now();
        assertEquals(200, pay(Map.of("acr", "urn:example:gold", "auth_time", now.plusSeconds(20).getEpochSecond()))
                .statusCode());
        HttpResponse<String> ahead = pay(Map.of("acr", "urn:example:gold",
                "auth_time", now.plusSeconds(600).getEpochSecond()));
        assertEquals(401, ahead.statusCode(), ahead.body());
        assertTrue(ahead.headers().firstValue("WWW-Authenticate").orElseThrow()
                .contains("error=\"insufficient_user_authentication\""), ahead.headers().toString());
    }

    @Test
    void whenMetadataRequestedThenTheDocumentWithTheRoutesScopes() {
        pay(Map.of()); // runtimes that report their routes at the first request (RESTEasy) have done so now
        HttpResponse<String> doc = Http.get(base, "/.well-known/oauth-protected-resource/payments");
        assertEquals(200, doc.statusCode(), doc.body());
        assertTrue(doc.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(doc.body().contains("\"resource\":\"https://api.latchkey.test/payments\""), doc.body());
        assertTrue(doc.body().contains("\"authorization_servers\":[\"" + JwksIssuer.ISSUER + "\"]"), doc.body());
        assertTrue(doc.body().contains("\"scopes_supported\":[\"payments:write\"]"), doc.body());
        assertEquals(200, Http.get(base, "/.well-known/oauth-protected-resource").statusCode());
    }
}

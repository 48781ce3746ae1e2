package dev.latchkey.tck;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Which mechanisms run when {@code latchkey.mechanisms} is not set: {@code @LoginConfig(authMethod = "MP-JWT")} on the
 * JAX-RS application enables {@code jwt} (MicroProfile JWT 2.1); an explicit {@code latchkey.mechanisms} wins; an
 * application with neither the annotation nor a JWT issuer deploys with no mechanism, every caller anonymous.
 */
@ExtendWith(ArquillianExtension.class)
class ActivationTest {

    private static final TestTokens ISSUER = TestTokens.generate("k1");

    /** MicroProfile JWT applications are scanned whole (the TCK's beans.xml); so is the JAX-RS application class. */
    private static final String ALL_BEANS = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="all"/>
            """;

    private static final Map<String, String> JWT_CONFIG = Map.of(
            "mp.jwt.verify.publickey", ISSUER.publicJwk(),
            "mp.jwt.verify.issuer", TestTokens.ISSUER);

    @Deployment(name = "mpjwt", testable = false)
    static WebArchive loginConfig() {
        return discoverAll(Deployments.war("activation-mpjwt", JWT_CONFIG, "MpJwtApplication", "FixtureResource"));
    }

    @Deployment(name = "explicit", testable = false)
    static WebArchive explicitMechanisms() {
        Map<String, String> config = new java.util.HashMap<>(JWT_CONFIG);
        config.put("latchkey.mechanisms", "fixture-basic");
        return discoverAll(Deployments.war("explicit", config,
                "MpJwtApplication", "FixtureResource", "FixtureBasicAuthenticator"));
    }

    @Deployment(name = "neither", testable = false)
    static WebArchive neither() {
        return Deployments.war("neither", Map.of(), "FixtureApplication", "FixtureResource");
    }

    private static WebArchive discoverAll(WebArchive war) {
        war.delete("/WEB-INF/beans.xml");
        return war.addAsWebInfResource(new StringAsset(ALL_BEANS), "beans.xml");
    }

    @ArquillianResource
    @OperateOnDeployment("mpjwt")
    URL mpJwt;

    @ArquillianResource
    @OperateOnDeployment("explicit")
    URL explicit;

    @ArquillianResource
    @OperateOnDeployment("neither")
    URL neither;

    @Test
    void whenLoginConfigMpJwtThenJwtAuthenticatesInItsRealm() {
        HttpResponse<String> ok = Http.get(mpJwt, "/api/protected", "Authorization",
                "Bearer " + ISSUER.token("alice", "", List.of("admin")));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("alice admin=true", ok.body());

        HttpResponse<String> none = Http.get(mpJwt, "/api/protected");
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"mp-realm\"", none.headers().firstValue("WWW-Authenticate").orElse(""),
                "the realm of @LoginConfig: " + none.headers().map() + " " + none.body());
    }

    @Test
    void whenMechanismsConfiguredThenTheyWinOverLoginConfig() {
        HttpResponse<String> none = Http.get(explicit, "/api/protected");
        assertEquals(401, none.statusCode());
        assertEquals(List.of("Basic realm=\"mp-realm\", charset=\"UTF-8\""),
                none.headers().allValues("WWW-Authenticate"), "fixture-basic only, no Bearer");

        HttpResponse<String> jwt = Http.get(explicit, "/api/public", "Authorization",
                "Bearer " + ISSUER.token("alice", "", List.of()));
        assertEquals(200, jwt.statusCode(), "jwt is not enabled: the Bearer header is nobody's credential");
        assertEquals("anonymous", jwt.body());
    }

    @Test
    void whenNeitherLoginConfigNorIssuerThenDeploysWithEveryCallerAnonymous() {
        assertEquals("anonymous", Http.get(neither, "/api/public").body());
        HttpResponse<String> withToken = Http.get(neither, "/api/public", "Authorization",
                "Bearer " + ISSUER.token("alice", "", List.of()));
        assertEquals(200, withToken.statusCode());
        assertEquals("anonymous", withToken.body());

        HttpResponse<String> protectedPath = Http.get(neither, "/api/protected");
        assertEquals(401, protectedPath.statusCode(), "protected resources stay closed");
        assertFalse(protectedPath.body().contains("alice"));
    }
}

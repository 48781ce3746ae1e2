package dev.latchkey.containers;

import dev.latchkey.containers.support.Container;
import dev.latchkey.containers.support.Deployments;
import dev.latchkey.containers.support.Http;
import dev.latchkey.containers.support.JwksIssuer;
import dev.latchkey.containers.support.RawHttps;
import dev.latchkey.containers.support.TestPki;
import dev.latchkey.containers.support.UsersFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The drop-in promise: the same requests get the same answers on embedded Jetty, WildFly and Payara (the build runs
 * this class once per container). One WAR with every credential kind: bearer JWTs (keys fetched over HTTP), API keys
 * (file store), Basic (users file, TLS only), client certificates (forwarded by a trusted proxy, and direct mTLS where
 * the container has an HTTPS listener that asks for one).
 */
@ExtendWith(ArquillianExtension.class)
class ContainerSuiteTest {

    private static final String PROBLEM = "application/problem+json";
    private static final JwksIssuer ISSUER = JwksIssuer.get();

    @Deployment(testable = false)
    static WebArchive deployment() {
        Path data = Deployments.dataDirectory("orders");
        UsersFile.write(data.resolve("users.properties"), "bob", "correct horse battery", "ops");
        Map<String, String> config = new HashMap<>(ISSUER.config());
        config.putAll(Map.of(
                "latchkey.mechanisms", "jwt,api-key,basic,client-cert",
                "latchkey.realm", "orders",
                "latchkey.api-key.file", data.resolve("api-keys.json").toString(),
                "latchkey.basic.users-file", data.resolve("users.properties").toString(),
                "latchkey.client-cert.principal", "cn",
                "latchkey.trusted-proxies", "127.0.0.1/32",
                "latchkey.client-cert.trust-anchors", TestPki.caPem().toString(),
                "latchkey.client-cert.forwarded-format", "pem"));
        return Deployments.war("orders", config, "ApiApplication", "OrdersResource", "TestKeysResource");
    }

    @ArquillianResource
    URL base;

    private static String bearer(String subject, List<String> groups, String scope) {
        return "Bearer " + ISSUER.token(subject, groups, scope);
    }

    @Test
    void whenNoCredentialOnScopedResourceThen401WithOneChallengePerScheme() {
        HttpResponse<String> response = Http.get(base, "/api/orders");
        assertEquals(401, response.statusCode());
        assertEquals(List.of("Bearer realm=\"orders\"", "Basic realm=\"orders\", charset=\"UTF-8\""),
                response.headers().allValues("WWW-Authenticate"));
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":401"), response.body());
    }

    @Test
    void whenNoCredentialOnPublicPathThen200Anonymous() {
        HttpResponse<String> response = Http.get(base, "/api/public");
        assertEquals(200, response.statusCode());
        assertEquals("anonymous", response.body());
    }

    @Test
    void whenJwtHasScopeThen200() {
        HttpResponse<String> response = Http.get(base, "/api/orders", "Authorization",
                bearer("alice", List.of("user"), "orders:read"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("orders for alice@latchkey.test", response.body());
    }

    @Test
    void whenJwtThenCallerHasGroupsAndScopes() {
        HttpResponse<String> response = Http.get(base, "/api/me", "Authorization",
                bearer("alice", List.of("user", "ops"), "orders:read orders:write"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("alice@latchkey.test jwt [ops, user] [orders:read, orders:write]", response.body());
    }

    @Test
    void whenJwtLacksScopeThen403InsufficientScope() {
        HttpResponse<String> response = Http.send("POST", base, "/api/orders", "Authorization",
                bearer("alice", List.of(), "orders:read"));
        assertEquals(403, response.statusCode());
        assertEquals("Bearer realm=\"orders\", error=\"insufficient_scope\", error_description=\"insufficient scope\", "
                + "scope=\"orders:write\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"error\":\"insufficient_scope\""), response.body());
        assertTrue(response.body().contains("\"required_scopes\":[\"orders:write\"]"), response.body());
    }

    @Test
    void whenJwtHasWriteScopeThenPost201() {
        HttpResponse<String> response = Http.send("POST", base, "/api/orders", "Authorization",
                bearer("alice", List.of(), "orders:write"));
        assertEquals(201, response.statusCode(), response.body());
    }

    @Test
    void whenJwtSignatureBrokenThen401InvalidToken() {
        String token = ISSUER.token("mallory", List.of("admin"), "orders:read");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        HttpResponse<String> response = Http.get(base, "/api/orders", "Authorization", "Bearer " + tampered);
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("")
                .startsWith("Bearer realm=\"orders\", error=\"invalid_token\""), response.headers().toString());
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void whenCallerInAdminGroupThenRolesAllowedDelete204AndOtherwise403() {
        assertEquals(403, Http.send("DELETE", base, "/api/orders/7", "Authorization",
                bearer("alice", List.of("user"), "")).statusCode());
        HttpResponse<String> admin = Http.send("DELETE", base, "/api/orders/7", "Authorization",
                bearer("root", List.of("admin"), ""));
        assertEquals(204, admin.statusCode(), admin.body());
    }

    @Test
    void whenApiKeyThen200AndScopesApply() {
        String key = issueKey("ci-reader", "orders:read");
        HttpResponse<String> read = Http.get(base, "/api/orders", "X-API-Key", key);
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(Http.get(base, "/api/me", "X-API-Key", key).body().contains(" api-key "));
        HttpResponse<String> write = Http.send("POST", base, "/api/orders", "X-API-Key", key);
        assertEquals(403, write.statusCode());
        assertTrue(write.body().contains("\"error\":\"insufficient_scope\""), write.body());
    }

    @Test
    void whenApiKeyInQueryStringThen400() {
        String key = issueKey("ci-leaky", "orders:read");
        HttpResponse<String> response = Http.get(base, "/api/orders?api_key=" + key);
        assertEquals(400, response.statusCode());
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void whenUnknownApiKeyThen401() {
        HttpResponse<String> response = Http.get(base, "/api/orders", "X-API-Key",
                "sk_test_AAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertEquals(401, response.statusCode());
    }

    @Test
    void whenBasicOverPlainHttpThen401WithoutCheckingPassword() {
        HttpResponse<String> response = Http.get(base, "/api/me", "Authorization", basic("bob", "wrong"));
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("TLS"), response.body());
    }

    @Test
    void whenBasicOverTlsThen200() {
        URL https = https();
        HttpResponse<String> response = Http.get(https, "/api/me", "Authorization",
                basic("bob", "correct horse battery"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("bob basic [ops] []", response.body());
        assertEquals(401, Http.get(https, "/api/me", "Authorization", basic("bob", "wrong")).statusCode());
    }

    @Test
    void whenTrustedProxyForwardsCertificateThen200() {
        HttpResponse<String> response = Http.get(base, "/api/me", "X-SSL-Client-Cert", TestPki.escapedClientPem());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("dev-client client-cert "), response.body());
    }

    @Test
    void whenDirectMutualTlsThenCertificateIdentifiesCaller() {
        URL https = https();
        RawHttps.Response response = RawHttps.get(https, "/api/me", "127.0.0.2");
        assertEquals(200, response.status(), response.body());
        assertTrue(response.body().startsWith("dev-client client-cert "), response.body());
    }

    private URL https() {
        return Container.https(base).orElseGet(() -> {
            assumeTrue(false, "no HTTPS listener in the Arquillian Jetty container; auth-jetty's tests cover TLS");
            return base;
        });
    }

    private String issueKey(String name, String scopes) {
        HttpResponse<String> response = Http.send("POST", base, "/api/test-keys?name=" + name + "&scopes="
                + java.net.URLEncoder.encode(scopes, StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}

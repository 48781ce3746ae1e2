package dev.latchkey.jetty.it;

import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.jwt.TestIssuer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 9728 protected-resource metadata served by LatchkeyJetty from configuration and the route report. */
class ResourceMetadataHttpTest {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        TestIssuer tokens = TestServer.issuer();
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "jwt",
                "mp.jwt.verify.publickey", tokens.publicJwks(),
                "mp.jwt.verify.issuer", TestServer.ISSUER,
                "latchkey.resource-metadata.resource", "https://api.it.example/api",
                "latchkey.resource-metadata.resource-name", "IT orders API"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static void assertDocument(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonObject doc = json(response);
        assertEquals("https://api.it.example/api", doc.getString("resource"));
        assertEquals(List.of(TestServer.ISSUER), doc.getJsonArray("authorization_servers").getValuesAs(
                jakarta.json.JsonString::getString));
        // Every JAX-RS application of the class loader reports its scopes; other tests' servers ran in this JVM.
        assertTrue(doc.getJsonArray("scopes_supported").getValuesAs(jakarta.json.JsonString::getString)
                .contains("orders:read"), doc.toString());
        assertEquals(List.of("header"), doc.getJsonArray("bearer_methods_supported").getValuesAs(
                jakarta.json.JsonString::getString));
        assertFalse(doc.containsKey("dpop_signing_alg_values_supported"));
        assertEquals("IT orders API", doc.getString("resource_name"));
    }

    @Test
    void whenWellKnownRequestedWithoutCredentialsThenTheDocument() throws Exception {
        assertDocument(get(server.root("/.well-known/oauth-protected-resource")));
    }

    @Test
    void whenPathSuffixedFormForTheResourcePathThenTheSameDocument() throws Exception {
        assertDocument(get(server.root("/.well-known/oauth-protected-resource/api")));
    }

    @Test
    void whenAnotherSuffixThen404() throws Exception {
        assertEquals(404, get(server.root("/.well-known/oauth-protected-resource/other")).statusCode());
    }
}

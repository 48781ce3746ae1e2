package dev.latchkey.jetty.it;

import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.jetty.it.app.NamespaceGroups;
import dev.latchkey.jetty.it.app.PlainNameGroups;
import dev.latchkey.jetty.it.fixtures.ServerBeans;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.jwt.TestIssuer;
import dev.latchkey.test.log.LogCapture;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, "one caller namespace across issuers and kinds", over real HTTP: two JWT issuers and API keys, each with a
 * caller named {@value NamespaceGroups#NAME}. The declared group store ({@link NamespaceGroups}, a
 * {@code LatchkeyGroupStore} for {@code jwt}) gives its group to the caller of one issuer only; the plain store
 * ({@link PlainNameGroups}) still gives its group by name to all three, and start-up warns about it.
 */
class CallerNamespaceHttpTest {

    private static final String ISSUER_B = "https://b.it.example";
    private static TestIssuer issuerA;
    private static TestIssuer issuerB;
    private static TestServer server;
    private static String startupLog;

    @BeforeAll
    static void start() throws Exception {
        issuerA = TestServer.issuer();
        issuerB = TestServer.issuer();
        try (LogCapture log = LogCapture.latchkey()) {
            server = TestServer.start(Map.of(
                    "latchkey.mechanisms", "jwt,api-key",
                    "latchkey.api-key.store", "memory",
                    "mp.jwt.verify.issuer", TestServer.ISSUER,
                    "mp.jwt.verify.publickey", issuerA.publicJwks(),
                    "mp.jwt.verify.audiences", "it-api",
                    "latchkey.jwt.issuers.b.issuer", ISSUER_B,
                    "latchkey.jwt.issuers.b.publickey", issuerB.publicJwks()), null);
            startupLog = log.all();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static JsonObject me(String header, String value) throws Exception {
        HttpResponse<String> response = get(server.http("/me"), header, value);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static JsonObject jwt(TestIssuer tokens, String issuer) throws Exception {
        return me("Authorization", "Bearer " + tokens.token().issuer(issuer).subject(NamespaceGroups.NAME).scope("")
                .audience("it-api").sign());
    }

    private static Set<String> groups(JsonObject me) {
        return me.getJsonArray("groups").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).collect(Collectors.toSet());
    }

    @Test
    void whenTwoIssuersHaveACallerOfTheSameNameThenTheDeclaredGroupStoreTellsThemApart() throws Exception {
        JsonObject a = jwt(issuerA, TestServer.ISSUER);
        JsonObject b = jwt(issuerB, ISSUER_B);
        assertEquals(NamespaceGroups.NAME, a.getString("name"));
        assertEquals(NamespaceGroups.NAME, b.getString("name"), "the name stays the claim");
        assertEquals(TestServer.ISSUER, a.getString("issuer"));
        assertEquals(ISSUER_B, b.getString("issuer"), "the principal carries its issuer");
        assertEquals(Set.of("admin-a", "by-name"), groups(a));
        assertEquals(Set.of("by-name"), groups(b), "issuer B's namesake gets no group of issuer A's caller");
    }

    @Test
    void whenAnApiKeyHasTheNameOfAJwtCallerThenTheGroupStoreForJwtGivesItNothing() throws Exception {
        String key = ServerBeans.get(ApiKeyService.class).create(NamespaceGroups.NAME, Set.of(), null).key();
        JsonObject caller = me("X-API-Key", key);
        assertEquals("api-key", caller.getString("mechanism"));
        assertEquals("", caller.getString("issuer"));
        assertEquals(Set.of("by-name"), groups(caller));
    }

    @Test
    void whenAPlainGroupStoreServesSeveralKindsThenStartupWarnsNamingIt() {
        assertTrue(startupLog.contains("group-only identity store(s) [" + PlainNameGroups.class.getName() + "]"),
                startupLog);
        assertTrue(startupLog.contains("latchkey.jwt.issuers.b.audiences is not set"), startupLog);
    }
}

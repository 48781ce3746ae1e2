package dev.latchkey.jetty.it;

import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.jetty.it.fixtures.ServerBeans;
import dev.latchkey.jetty.it.fixtures.TestServer;
import dev.latchkey.test.jwt.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import static dev.latchkey.test.http.Http.get;
import static dev.latchkey.test.http.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A credential in the URL is refused by its own kind whatever the request carries beside it and whatever the order of
 * {@code latchkey.mechanisms} (RFC 6750 §2.3, RFC 9700 §2.4.2): the chain asks only the kinds that report a credential,
 * so each kind reports the one it would refuse in the URL too. Here the API-key kind runs first, so an
 * {@code access_token} in the URL beside a valid key is never reached by asking the kinds in order.
 */
class UrlCredentialHttpTest {

    private static TestIssuer issuer;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        issuer = TestServer.issuer();
        server = TestServer.start(Map.of(
                "latchkey.mechanisms", "api-key,jwt",
                "latchkey.api-key.store", "memory",
                "mp.jwt.verify.issuer", TestServer.ISSUER,
                "mp.jwt.verify.publickey", issuer.publicJwks(),
                "mp.jwt.verify.audiences", "it-api"), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String key() {
        return ServerBeans.get(ApiKeyService.class).create("partner", Set.of("orders:read"), null).key();
    }

    private static String token() {
        return issuer.token().subject("alice").scope("orders:read").audience("it-api").sign();
    }

    /** 400 {@code invalid_request} whose description names where the credential was. */
    private static void assertRefused(HttpResponse<String> response, String describedAs) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_request", json(response).getString("error"));
        assertTrue(json(response).getString("detail").contains(describedAs), response.body());
    }

    @Test
    void whenAccessTokenInTheUrlBesideAValidApiKeyThen400() throws Exception {
        assertRefused(get(server.http("/me?access_token=" + token()), "X-API-Key", key()), "not accepted in the query string");
    }

    @Test
    void whenAccessTokenInTheUrlAloneThen400() throws Exception {
        assertRefused(get(server.http("/me?access_token=" + token())), "not accepted in the query string");
    }

    @Test
    void whenApiKeyParameterInTheUrlBesideAValidTokenThen400() throws Exception {
        assertRefused(get(server.http("/me?api_key=not-a-key-shape"), "Authorization", "Bearer " + token()),
                "not accepted in the URL");
    }

    @Test
    void whenAKeyInTheUrlBesideAKeyHeaderAndATokenThenTheUrlRefusalWinsOverTheConflict() throws Exception {
        assertRefused(get(server.http("/me?api_key=" + key()), "X-API-Key", key(), "Authorization", "Bearer " + token()),
                "not accepted in the URL");
    }

    @Test
    void whenTheSameRequestsCarryNothingInTheUrlThen200() throws Exception {
        assertEquals(200, get(server.http("/me"), "X-API-Key", key()).statusCode());
        assertEquals(200, get(server.http("/me?page=2"), "Authorization", "Bearer " + token()).statusCode());
    }
}

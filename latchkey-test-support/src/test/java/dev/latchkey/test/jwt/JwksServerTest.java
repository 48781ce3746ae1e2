package dev.latchkey.test.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import dev.latchkey.test.http.Http;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class JwksServerTest {

    @Test
    void whenServingAnIssuerThenItsPublicKeySetIsServedAndRequestsCounted() throws Exception {
        TestIssuer issuer = TestIssuer.create();
        try (JwksServer server = JwksServer.serving(issuer).cacheControl("max-age=60")) {
            HttpResponse<String> response = Http.get(server.url());
            assertEquals(200, response.statusCode());
            assertEquals("application/jwk-set+json", Http.header(response, "Content-Type"));
            assertEquals("max-age=60", Http.header(response, "Cache-Control"));
            JWKSet set = JWKSet.parse(response.body());
            assertEquals(issuer.key().getKeyID(), set.getKeys().get(0).getKeyID());
            assertFalse(set.getKeys().get(0).isPrivate());
            assertEquals(1, server.requests());
        }
    }

    @Test
    void whenDownThenItAnswers503() {
        try (JwksServer server = new JwksServer().publish(TestKeys.ec("down").toPublicJWK())) {
            server.down(true);
            assertEquals(503, Http.get(server.url()).statusCode());
            server.down(false);
            assertEquals(200, Http.get(server.url()).statusCode());
        }
    }
}

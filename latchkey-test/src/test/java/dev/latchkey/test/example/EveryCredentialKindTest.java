package dev.latchkey.test.example;

import dev.latchkey.test.LatchkeyServerExtension;
import dev.latchkey.test.TestApiKey;
import dev.latchkey.test.http.Credential;
import dev.latchkey.test.http.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kit used the way a user would: every credential kind against a {@code @RequiresScope} resource. */
class EveryCredentialKindTest {

    @RegisterExtension
    static LatchkeyServerExtension api = LatchkeyServerExtension.serving(OrdersResource.class, MeResource.class)
            .build();

    @Test
    void whenATokenHasTheScopeThenTheCallerReadsOrders() {
        HttpResponse<String> response = api.get("/orders", api.jwt().subject("bob").scope("orders:read"));
        assertEquals(200, response.statusCode());
        assertEquals("orders for bob", response.body());
    }

    @Test
    void whenTheTokenLacksTheScopeThen403InsufficientScope() {
        HttpResponse<String> response = api.get("/orders", api.jwt().scope("orders:write"));
        assertEquals(403, response.statusCode());
        assertTrue(Http.header(response, "WWW-Authenticate").contains("insufficient_scope"),
                Http.header(response, "WWW-Authenticate"));
    }

    @Test
    void whenTheTokenIsExpiredNotYetValidOrSignedByAnotherKeyThen401() {
        assertEquals(401, api.get("/orders", api.jwt().scope("orders:read").expired()).statusCode());
        assertEquals(401, api.get("/orders", api.jwt().scope("orders:read").notYetValid()).statusCode());
        assertEquals(401, api.get("/orders", api.jwt().scope("orders:read").wrongKey()).statusCode());
        assertEquals(401, api.get("/orders", Credential.bearer(api.jwt().scope("orders:read").unsecured()))
                .statusCode());
    }

    @Test
    void whenNoCredentialThen401WithChallenges() {
        HttpResponse<String> response = api.get("/orders");
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().allValues("WWW-Authenticate").stream().anyMatch(c -> c.startsWith("Bearer")),
                response.headers().toString());
    }

    @Test
    void whenAnApiKeyWithTheScopeIsSentThen200AndAfterRevocation401() {
        TestApiKey key = api.apiKeys().create("ci", "orders:read");
        assertEquals(200, api.get("/orders", key).statusCode());
        assertEquals("api-key ci", api.get("/me", key).body());
        api.apiKeys().service().revoke(key.keyId());
        assertEquals(401, api.get("/orders", key).statusCode());
    }

    @Test
    void whenABasicUserSignsInOverTlsThen200AndOverPlainHttp401() {
        Credential alice = api.users().add("alice", "correct horse battery", "staff");
        assertEquals(200, api.get("/me", alice).statusCode());
        assertEquals("basic alice", api.get("/me", alice).body());
        assertEquals(401, Http.get(api.url("/me"), "Authorization", Http.basic("alice", "correct horse battery"))
                .statusCode());
        assertEquals(401, api.get("/me", Credential.basic("alice", "wrong")).statusCode());
    }

    @Test
    void whenAClientCertificateOfTheTrustedCaIsPresentedThen200() {
        var workload = api.clientCertificate("spiffe://latchkey.test/ns/shop/sa/billing");
        HttpResponse<String> response = api.get("/me", workload);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("client-cert spiffe://latchkey.test/ns/shop/sa/billing", response.body());
        assertEquals(401, api.get("/me", api.clientCertificate("spiffe://elsewhere.test/ns/a/sa/b")).statusCode());
        assertEquals(401, api.get("/me", Credential.overTls()).statusCode());
    }
}

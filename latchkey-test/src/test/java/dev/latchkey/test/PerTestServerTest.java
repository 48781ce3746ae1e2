package dev.latchkey.test;

import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.test.example.ApiApplication;
import dev.latchkey.test.http.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An instance field: a server per test, for an application class, with properties of the test's own. */
class PerTestServerTest {

    private static final Set<String> URLS = new HashSet<>();

    @RegisterExtension
    LatchkeyServerExtension api = LatchkeyServerExtension.application(ApiApplication.class)
            .property("latchkey.mechanisms", "jwt").build();

    @Test
    void whenOnlyJwtIsEnabledThenOtherKindsAre401() {
        assertTrue(URLS.add(api.url("")));
        assertEquals(200, api.get("/api/orders", api.jwt().scope("orders:read")).statusCode());
        Credential basic = api.users().add("carol", "long enough password", "staff");
        assertEquals(401, api.get("/api/me", basic).statusCode());
        assertEquals(401, api.get("/api/me", Credential.header("X-API-Key", "sk_test_nope")).statusCode());
    }

    @Test
    void whenAnotherTestRunsThenItHasAServerOfItsOwn() {
        assertTrue(URLS.add(api.url("")));
        assertEquals(404, api.get("/orders", api.jwt().scope("orders:read")).statusCode());
        assertNotNull(api.bean(ApiKeyService.class));
        assertThrows(IllegalStateException.class, api::clock);
    }
}

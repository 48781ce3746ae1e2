package dev.latchkey.test;

import dev.latchkey.test.config.TestProperties;
import dev.latchkey.test.example.OrdersResource;
import dev.latchkey.test.jwt.TestIssuer;
import dev.latchkey.test.jwt.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An application whose own configuration names its production key inline ({@code mp.jwt.verify.publickey}): the kit
 * gives the test issuer's key in the same form, since Latchkey refuses both forms at once.
 */
class InlineKeyConfigurationTest {

    /** The application's configuration, as a source the kit finds before it starts the server. */
    private static final TestProperties APPLICATION = TestProperties.set(Map.of("mp.jwt.verify.publickey",
            TestIssuer.of("https://idp.example", null, TestKeys.rsa("production")).publicJwks()));

    /** Registered first, so it runs after the server has stopped. */
    @RegisterExtension
    static AfterAllCallback restore = context -> APPLICATION.close();

    @RegisterExtension
    static LatchkeyServerExtension api = LatchkeyServerExtension.serving(OrdersResource.class).build();

    @Test
    void whenTheApplicationConfiguresItsKeyInlineThenTheTestIssuersKeyReplacesItInline() {
        assertEquals(200, api.get("/orders", api.jwt().scope("orders:read")).statusCode());
        assertEquals(401, api.get("/orders", api.jwt().scope("orders:read").wrongKey()).statusCode());
    }
}

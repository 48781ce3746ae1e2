package dev.latchkey.auth.apikey;

import dev.latchkey.auth.apikey.format.ApiKeyFormat;
import dev.latchkey.auth.apikey.format.ApiKeyGenerator;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.fixtures.FakeRequest;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.spi.CredentialRequest;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Twilio-style Basic: {@code -u <prefix><key id>:<secret>}, the same key as {@code X-API-Key}. */
class ApiKeyBasicKeyIdTest {

    private final ApiKeySettings settings = ApiKeySettings.defaults("live").withBasicKeyIdEnabled(true);
    private final ApiKeyFormat format = new ApiKeyFormat(settings.prefixes());
    private final String key = new ApiKeyGenerator(format).generate("live").value();
    private final String user = key.substring(0, key.lastIndexOf('_'));
    private final String secret = key.substring(key.lastIndexOf('_') + 1);
    private final ApiKeyResolver resolver = new ApiKeyResolver(format, settings, TrustedProxies.of("10.0.0.0/8"),
            e -> { });

    private Optional<ResolvedApiKey> resolve(FakeRequest request) {
        return resolver.key(CredentialRequest.of(request.build()));
    }

    private AuthError refused(FakeRequest request) {
        return assertThrows(AuthenticationFailure.class, () -> resolve(request)).error();
    }

    @Test
    void whenKeyIdAndSecretOverTlsThenTheWholeKeyIsResolved() {
        assertTrue(user.startsWith("sk_live_") && !secret.contains("_"));
        assertEquals(Optional.of(new ResolvedApiKey(key, "header:Authorization")),
                resolve(FakeRequest.create().basic(user, secret)));
        assertEquals(Optional.of("header:Authorization"),
                resolver.source(CredentialRequest.of(FakeRequest.create().basic(user, secret).build())));
        // behind a trusted TLS-terminating proxy
        assertEquals(key, resolve(FakeRequest.create().secure(false).remoteAddr("10.0.0.5")
                .header("X-Forwarded-Proto", "https").basic(user, secret)).orElseThrow().key());
    }

    @Test
    void whenOverPlainHttpThenRefusedBeforeAnyStore() {
        AuthError e = refused(FakeRequest.create().secure(false).basic(user, secret));
        assertEquals(401, e.status());
        assertEquals("tls_required", e.reason());
        AuthError spoofed = refused(FakeRequest.create().secure(false).remoteAddr("203.0.113.9")
                .header("X-Forwarded-Proto", "https").basic(user, secret));
        assertEquals("tls_required", spoofed.reason(), "an untrusted peer cannot claim TLS");
    }

    @Test
    void whenDisabledOrEmptyPasswordThenNotAcceptedThisWay() {
        ApiKeyResolver off = new ApiKeyResolver(format, ApiKeySettings.defaults("live"), TrustedProxies.NONE, e -> { });
        assertTrue(off.key(CredentialRequest.of(FakeRequest.create().basic(user, secret).build())).isEmpty(),
                "disabled by default");
        assertEquals(400, refused(FakeRequest.create().basic(key, "")).status(), "Stripe style is a separate switch");
        ApiKeyResolver both = new ApiKeyResolver(format, settings.withBasicEnabled(true), TrustedProxies.NONE,
                e -> { });
        assertEquals(key, both.key(CredentialRequest.of(FakeRequest.create().basic(key, "").build()))
                .orElseThrow().key());
    }
}

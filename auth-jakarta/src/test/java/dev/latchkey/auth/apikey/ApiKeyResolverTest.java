package dev.latchkey.auth.apikey;

import dev.latchkey.auth.fixtures.FakeRequest;
import dev.latchkey.auth.apikey.format.ApiKeyFormat;
import dev.latchkey.auth.apikey.format.ApiKeyGenerator;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.spi.CredentialRequest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyResolverTest {

    private final ApiKeySettings settings = ApiKeySettings.defaults("live");
    private final ApiKeyFormat format = new ApiKeyFormat(settings.prefixes());
    private final String key = new ApiKeyGenerator(format).generate("live").value();
    private final String keyId = format.parse(key).keyId();
    private final List<ApiKeyExposed> exposures = new ArrayList<>();
    private final ApiKeyResolver resolver = new ApiKeyResolver(format, settings, TrustedProxies.NONE, exposures::add);
    private final ApiKeyResolver basicResolver = new ApiKeyResolver(format, settings.withBasicEnabled(true), TrustedProxies.NONE,
            exposures::add);

    @Test
    void whenKeyInQueryBehindATrustedProxyThenTheExposureNamesTheForwardedClient() {
        var behindProxy = new ApiKeyResolver(format, settings, TrustedProxies.of("10.0.0.0/8"), exposures::add);
        var request = FakeRequest.create().remoteAddr("10.0.0.5").query("api_key=" + key)
                .header("X-Forwarded-For", "198.51.100.66, 203.0.113.7").build();
        assertThrows(AuthenticationFailure.class, () -> behindProxy.key(CredentialRequest.of(request)));
        assertEquals("203.0.113.7", exposures.get(0).remoteAddress(), "the right-most untrusted hop, not the proxy");
    }

    @Test
    void whenXApiKeyHeaderThenResolvedWithItsSource() {
        var request = FakeRequest.create().header("X-API-Key", key).build();
        assertEquals(Optional.of(new ResolvedApiKey(key, "header:X-API-Key")), resolver.key(CredentialRequest.of(request)));
        assertEquals(Optional.of("header:X-API-Key"), resolver.source(CredentialRequest.of(request)));
    }

    @Test
    void whenBearerWithKeyPrefixThenResolvedFromAuthorization() {
        var request = FakeRequest.create().bearer(key).build();
        assertEquals(Optional.of(new ResolvedApiKey(key, "header:Authorization")), resolver.key(CredentialRequest.of(request)));
        assertEquals(Optional.of("header:Authorization"), resolver.source(CredentialRequest.of(request)));
    }

    @Test
    void whenBearerIsNotAnApiKeyThenNotOurs() {
        var request = FakeRequest.create().bearer("eyJhbGciOiJSUzI1NiJ9.e30.sig").build();
        assertTrue(resolver.key(CredentialRequest.of(request)).isEmpty());
        assertTrue(resolver.source(CredentialRequest.of(request)).isEmpty());
    }

    @Test
    void whenStripeStyleBasicAndEnabledThenKeyIsTheUserName() {
        var request = FakeRequest.create().basic(key, "").build();
        assertEquals(Optional.of(new ResolvedApiKey(key, "header:Authorization")), basicResolver.key(CredentialRequest.of(request)));
        assertTrue(resolver.key(CredentialRequest.of(request)).isEmpty(), "disabled by default");
    }

    @Test
    void whenBasicWithAKeyAndAPasswordThen400() {
        var request = FakeRequest.create().basic(key, "pw").build();
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> basicResolver.key(CredentialRequest.of(request)));
        assertEquals(400, f.error().status());
        assertFalse(f.getMessage().contains(key));
    }

    @Test
    void whenBasicWithAnOrdinaryUserThenNotOurs() {
        assertTrue(basicResolver.key(CredentialRequest.of(FakeRequest.create().basic("alice", "secret").build())).isEmpty());
        assertTrue(basicResolver.key(CredentialRequest.of(FakeRequest.create().header("Authorization", "Basic %%%").build())).isEmpty());
    }

    @Test
    void whenKeyIsInTheQueryStringThen400AndExposureIsRecordedByKeyIdOnly() {
        var request = FakeRequest.create().query("api_key=" + key + "&page=2").build();
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> resolver.key(CredentialRequest.of(request)));
        assertEquals(400, f.error().status());
        assertEquals("invalid_request", f.error().error());
        assertTrue(f.error().description().contains("X-API-Key"), f.error().description());
        assertFalse(f.error().description().contains(key));
        assertEquals(keyId, f.error().credentialId());
        assertEquals(1, exposures.size());
        assertEquals(keyId, exposures.get(0).keyId());
        assertEquals("api_key", exposures.get(0).parameter());
        assertFalse(exposures.get(0).toString().contains(key));
    }

    @Test
    void whenAnyParameterValueLooksLikeAKeyThen400EvenWithAValidHeader() {
        String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8);
        var request = FakeRequest.create().header("X-API-Key", key).query("token=" + encoded).build();
        assertThrows(AuthenticationFailure.class, () -> resolver.key(CredentialRequest.of(request)));
        assertEquals(Optional.of("query:token"), resolver.source(CredentialRequest.of(request)),
                "the URL first: its refusal wins over a conflict with another credential");
        assertEquals(Optional.of("query:token"),
                resolver.source(CredentialRequest.of(FakeRequest.create().query("token=" + encoded).build())));
    }

    @Test
    void whenAKeyNamedParameterHoldsGarbageThenStill400WithUnknownKeyId() {
        for (String name : List.of("apikey", "api-key", "API_KEY")) {
            var request = FakeRequest.create().query(name + "=whatever").build();
            AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> resolver.key(CredentialRequest.of(request)));
            assertEquals(400, f.error().status());
            assertEquals(Optional.of("query:" + name), resolver.source(CredentialRequest.of(request)),
                    "reported, so that the chain asks this kind, which refuses it");
        }
        assertTrue(exposures.stream().allMatch(e -> e.keyId() == null));
    }

    @Test
    void whenAGenericParameterNameHoldsAnOrdinaryValueThenNotRefused() {
        var request = FakeRequest.create().query("key=abc&token=xyz").build();
        assertTrue(resolver.key(CredentialRequest.of(request)).isEmpty());
        assertTrue(resolver.source(CredentialRequest.of(request)).isEmpty());
        assertTrue(exposures.isEmpty());
        assertThrows(AuthenticationFailure.class,
                () -> resolver.key(CredentialRequest.of(FakeRequest.create().query("key=" + key).build())), "unless it is a key");
    }

    @Test
    void whenHarmlessQueryThenIgnored() {
        assertTrue(resolver.key(CredentialRequest.of(FakeRequest.create().query("page=2&sort=name&x").build())).isEmpty());
        assertTrue(exposures.isEmpty());
    }

    @Test
    void whenTwoSourcesCarryKeysThen400() {
        var request = FakeRequest.create().header("X-API-Key", key).bearer(key).build();
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> resolver.key(CredentialRequest.of(request)));
        assertEquals(400, f.error().status());
        assertEquals("invalid_request", f.error().error());
    }

    @Test
    void whenTheHeaderIsRepeatedOrEmptyThen400() {
        assertEquals(400, assertThrows(AuthenticationFailure.class, () -> resolver.key(CredentialRequest.of(FakeRequest.create()
                .header("X-API-Key", key).header("X-API-Key", key).build()))).error().status());
        assertEquals(400, assertThrows(AuthenticationFailure.class, () -> resolver.key(CredentialRequest.of(FakeRequest.create()
                .header("X-API-Key", " ").build()))).error().status());
    }

    @Test
    void whenNothingThenEmpty() {
        assertTrue(resolver.key(CredentialRequest.of(FakeRequest.create().build())).isEmpty());
        assertTrue(resolver.source(CredentialRequest.of(FakeRequest.create().build())).isEmpty());
    }

    @Test
    void whenTwilioStyleBasicOverPlainHttpThen401AndExposureRecordedByKeyId() {
        var twilio = new ApiKeyResolver(format, settings.withBasicKeyIdEnabled(true), TrustedProxies.NONE,
                exposures::add);
        int cut = key.lastIndexOf('_');
        var request = FakeRequest.create().secure(false).basic(key.substring(0, cut), key.substring(cut + 1)).build();
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class,
                () -> twilio.key(CredentialRequest.of(request)));
        assertEquals(401, f.error().status());
        assertEquals(1, exposures.size());
        assertEquals(keyId, exposures.get(0).keyId());
        assertEquals("Authorization", exposures.get(0).parameter());
    }
}

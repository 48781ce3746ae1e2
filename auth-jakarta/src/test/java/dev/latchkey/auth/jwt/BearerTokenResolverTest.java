package dev.latchkey.auth.jwt;

import dev.latchkey.auth.cert.ClientCertificateResolver;
import dev.latchkey.auth.cert.ClientCertificateSettings;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.fixtures.FakeRequest;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import dev.latchkey.auth.spi.CredentialRequest;
import dev.latchkey.test.jwt.TestKeys;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BearerTokenResolverTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln";
    private static final String KEY = TestKeys.ec("e").toPublicJWK().toJSONString();

    private final BearerTokenResolver resolver = resolver();

    private static BearerTokenResolver resolver(String... more) {
        ClientCertificateSettings none = ClientCertificateSettings.spiffe();
        return new BearerTokenResolver(TestConfig.settings(TestConfig.single(KEY, more)),
                new ClientCertificateResolver(none, Clock.systemUTC()), t -> false);
    }

    private static AuthError badRequest(BearerTokenResolver r, HttpServletRequest request) {
        AuthError e = assertThrows(AuthenticationFailure.class, () -> r.token(CredentialRequest.of(request))).error();
        assertEquals(400, e.status());
        assertEquals("invalid_request", e.error());
        return e;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "bearer ", "BEARER ", "Bearer   "})
    void whenAuthorizationBearerInAnyCaseThenTokenResolved(String prefix) {
        HttpServletRequest request = FakeRequest.create().header("Authorization", prefix + TOKEN).build();
        assertEquals(Optional.of(TOKEN), resolver.token(CredentialRequest.of(request)));
        assertEquals(Optional.of("header:Authorization"), resolver.source(CredentialRequest.of(request)));
    }

    @Test
    void whenNoAuthorizationOrOtherSchemeThenEmpty() {
        assertEquals(Optional.empty(), resolver.token(CredentialRequest.of(FakeRequest.create().build())));
        HttpServletRequest basic = FakeRequest.create().header("Authorization", "Basic dXNlcjpwYXNz").build();
        assertEquals(Optional.empty(), resolver.token(CredentialRequest.of(basic)));
        assertEquals(Optional.empty(), resolver.source(CredentialRequest.of(basic)));
        assertEquals(Optional.empty(), resolver.token(CredentialRequest.of(FakeRequest.create().header("Authorization", "Bearerx abc").build())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer  ", "bearer"})
    void whenBearerWithoutTokenThenInvalidRequest(String value) {
        HttpServletRequest request = FakeRequest.create().header("Authorization", value).build();
        assertEquals("bearer_token_missing", badRequest(resolver, request).reason());
        assertEquals(Optional.of("header:Authorization"), resolver.source(CredentialRequest.of(request)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc def", "abc\"def", "a,b", "tok;en", "abc=def", "\u00e9t\u00e9"})
    void whenTokenHasCharactersOutsideB64TokenThenInvalidRequest(String token) {
        assertEquals("bearer_token_syntax",
                badRequest(resolver, FakeRequest.create().bearer(token).build()).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"access_token=abc", "a=1&access_token=abc", "access%5Ftoken=x", "access_token"})
    void whenAccessTokenInQueryStringThenInvalidRequest(String query) {
        HttpServletRequest request = FakeRequest.create().query(query).bearer(TOKEN).build();
        assertEquals("token_in_query", badRequest(resolver, request).reason());
        HttpServletRequest queryOnly = FakeRequest.create().query(query).build();
        assertEquals("token_in_query", badRequest(resolver, queryOnly).reason());
        assertEquals(Optional.of("query:access_token"), resolver.source(CredentialRequest.of(queryOnly)),
                "the chain asks only a kind that reports a source");
    }

    @Test
    void whenOtherQueryParametersThenIgnored() {
        HttpServletRequest request = FakeRequest.create().query("my_access_token=1&x=access_token").bearer(TOKEN).build();
        assertEquals(Optional.of(TOKEN), resolver.token(CredentialRequest.of(request)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk_live_abc123", "sk_test_abc123"})
    void whenBearerValueHasApiKeyPrefixThenLeftToApiKeyAuthenticator(String apiKey) {
        HttpServletRequest request = FakeRequest.create().bearer(apiKey).build();
        assertEquals(Optional.empty(), resolver.token(CredentialRequest.of(request)));
        assertEquals(Optional.empty(), resolver.source(CredentialRequest.of(request)));
    }

    @Test
    void whenApiKeyPrefixesConfiguredThenUsed() {
        BearerTokenResolver custom = resolver("latchkey.api-key.prefixes", "ak_=live");
        assertEquals(Optional.empty(), custom.token(CredentialRequest.of(FakeRequest.create().bearer("ak_123").build())));
        assertEquals(Optional.of("sk_live_1"), custom.token(CredentialRequest.of(FakeRequest.create().bearer("sk_live_1").build())));
    }

    @Test
    void whenCookieConfiguredThenTokenFromCookieOnly() {
        BearerTokenResolver cookies = resolver("mp.jwt.token.header", "Cookie", "mp.jwt.token.cookie", "jwt");
        HttpServletRequest request = FakeRequest.create().cookie("other", "x").cookie("jwt", TOKEN).build();
        assertEquals(Optional.of(TOKEN), cookies.token(CredentialRequest.of(request)));
        assertEquals(Optional.of("cookie:jwt"), cookies.source(CredentialRequest.of(request)));
        assertEquals(Optional.empty(), cookies.token(CredentialRequest.of(FakeRequest.create().bearer(TOKEN).build())));
        assertEquals("duplicate_token_cookie", badRequest(cookies,
                FakeRequest.create().cookie("jwt", TOKEN).cookie("jwt", TOKEN).build()).reason());
        HttpServletRequest cleared = FakeRequest.create().cookie("jwt", "").bearer(TOKEN).build();
        assertEquals(Optional.empty(), cookies.token(CredentialRequest.of(cleared)), "an empty cookie is no credential (401, not 400)");
        assertEquals(Optional.empty(), cookies.source(CredentialRequest.of(cleared)));
    }

    @Test
    void whenCustomHeaderConfiguredThenBareOrBearerValueResolved() {
        BearerTokenResolver custom = resolver("mp.jwt.token.header", "X-Token");
        assertEquals(Optional.of(TOKEN), custom.token(CredentialRequest.of(FakeRequest.create().header("X-Token", TOKEN).build())));
        assertEquals(Optional.of(TOKEN), custom.token(CredentialRequest.of(FakeRequest.create().header("X-Token", "Bearer " + TOKEN).build())));
        assertEquals(Optional.of("header:X-Token"), custom.source(CredentialRequest.of(FakeRequest.create().header("X-Token", TOKEN).build())));
        assertEquals(Optional.empty(), custom.token(CredentialRequest.of(FakeRequest.create().bearer(TOKEN).build())));
    }
}

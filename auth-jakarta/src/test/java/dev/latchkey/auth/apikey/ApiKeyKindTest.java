package dev.latchkey.auth.apikey;

import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.state.MemoryBucketStore;
import dev.latchkey.auth.apikey.fixtures.ApiKeyFixtures;
import dev.latchkey.auth.apikey.fixtures.CountingApiKeyStore;
import dev.latchkey.auth.fixtures.FakeRequest;
import dev.latchkey.auth.apikey.store.InMemoryApiKeyStore;
import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.fixtures.Login;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.mechanism.AuthOutcome;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyKindTest {

    private final CountingApiKeyStore store = new CountingApiKeyStore(new InMemoryApiKeyStore());
    private final ApiKeyFixtures fx = ApiKeyFixtures.live(store);
    private final ApiKeyIdentityStore identityStore = new ApiKeyIdentityStore(() -> fx.validator);
    private final IdentityStoreHandler handler = identityStore::validate;
    private final List<ApiKeyExposed> exposures = new ArrayList<>();
    private final ApiKeyRateLimiter rateLimiter = new ApiKeyRateLimiter(Optional.of(RateLimit.parse("3/PT1M")),
            new MemoryBucketStore(100, fx.clock));
    private final LastUsedRecorder lastUsed = new LastUsedRecorder(store, fx.clock);
    private final ApiKeyKind kind = new ApiKeyKind(new ApiKeyResolver(fx.format, fx.settings, TrustedProxies.NONE,
            exposures::add), rateLimiter, lastUsed);
    private final Login authenticator = new Login(kind, handler);

    @Test
    void whenAValidKeyThenCallerCarriesNameScopesGroupsAndKeyId() {
        CreatedApiKey key = fx.service.create(new ApiKeySpec("billing-service", Set.of("orders:read"),
                Set.of("services"), null, null));
        FakeRequest request = FakeRequest.create().header("X-API-Key", key.key());

        AuthOutcome outcome = authenticator.authenticate(request.build());

        AuthOutcome.Authenticated authenticated = assertInstanceOf(AuthOutcome.Authenticated.class, outcome);
        LatchkeyCaller caller = authenticated.caller();
        assertEquals("billing-service", caller.getName());
        assertEquals("api-key", caller.mechanism());
        assertEquals(Set.of("orders:read"), caller.scopes());
        assertEquals(Set.of("services"), caller.groups());
        assertEquals(Optional.of(key.keyId()), caller.credentialId());
        assertEquals(key.keyId(), caller.attributes().get("keyId"));
        assertEquals("live", caller.attributes().get("environment"));
        assertEquals(Map.of("RateLimit-Limit", "3", "RateLimit-Remaining", "2", "RateLimit-Reset", "20"),
                authenticated.responseHeaders());
        assertEquals("api-key", kind.name());
        assertEquals(List.of("Bearer"), kind.challengeSchemes());
    }

    @Test
    void whenTheLimitIsExceededThen429WithRetryAfterAndRateLimitHeaders() {
        CreatedApiKey key = fx.service.create("svc", Set.of(), null);
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(AuthOutcome.Authenticated.class,
                    authenticator.authenticate(FakeRequest.create().bearer(key.key()).build()));
        }
        AuthError e = authenticator.refused(FakeRequest.create().bearer(key.key()).build());
        assertEquals(429, e.status());
        assertEquals("20", e.headers().get("Retry-After"), "one token per 20 s");
        assertEquals("3", e.headers().get("RateLimit-Limit"));
        assertEquals("0", e.headers().get("RateLimit-Remaining"));
        assertEquals("60", e.headers().get("RateLimit-Reset"));
        assertEquals(key.keyId(), e.credentialId());

        fx.clock.advance(Duration.ofSeconds(20));
        assertInstanceOf(AuthOutcome.Authenticated.class,
                authenticator.authenticate(FakeRequest.create().bearer(key.key()).build()));
    }

    @Test
    void whenTheKeyHasItsOwnLimitThenItOverridesTheDefault() {
        CreatedApiKey key = fx.service.create(new ApiKeySpec("big", Set.of(), Set.of(), null,
                RateLimit.parse("1000/PT1M")));
        for (int i = 0; i < 10; i++) {
            authenticator.authenticate(FakeRequest.create().bearer(key.key()).build());
        }
        AuthOutcome.Authenticated outcome = assertInstanceOf(AuthOutcome.Authenticated.class,
                authenticator.authenticate(FakeRequest.create().bearer(key.key()).build()));
        assertEquals("1000", outcome.responseHeaders().get("RateLimit-Limit"));
        assertEquals("989", outcome.responseHeaders().get("RateLimit-Remaining"));
        assertEquals(RateLimit.parse("1000/PT1M"), outcome.caller().attributes().get("rateLimit"));
    }

    @Test
    void whenAKeyIsValidatedThenTheHandlerGetsItParsedWithItsKeyIdAndNeverPrintsIt() {
        CreatedApiKey key = fx.service.create("svc", Set.of(), null);
        List<ApiKeyCredential> seen = new ArrayList<>();
        Login spying = new Login(kind, c -> {
            seen.add((ApiKeyCredential) c);
            return identityStore.validate(c);
        });

        assertInstanceOf(AuthOutcome.Authenticated.class,
                spying.authenticate(FakeRequest.create().header("X-API-Key", key.key()).build()));
        ApiKeyCredential credential = seen.get(0);
        assertEquals(key.keyId(), credential.keyId());
        assertEquals("header:X-API-Key", credential.source());
        assertFalse(credential.toString().contains(key.key()));
        assertTrue(credential.isCleared(), "the shared step clears the credential after validation");
        assertEquals(CredentialValidationResult.Status.NOT_VALIDATED, identityStore.validate(credential).getStatus());
    }

    @Test
    void whenUnknownKeyThen401InvalidApiKeyNamingNothingElse() {
        AuthOutcome outcome = authenticator.authenticate(FakeRequest.create().bearer(fx.unissuedKey("live")).build());
        AuthError e = assertInstanceOf(AuthOutcome.Rejected.class, outcome).error();
        assertEquals(401, e.status());
        assertEquals("invalid API key", e.description());
    }

    @Test
    void whenMalformedKeyThen401BeforeAnyIdentityStore() {
        int[] calls = {0};
        Login counting = new Login(kind, c -> {
            calls[0]++;
            return CredentialValidationResult.INVALID_RESULT;
        });
        String key = fx.unissuedKey("live");
        String typo = key.substring(0, key.length() - 1) + (key.endsWith("a") ? "b" : "a");
        AuthError e = counting.refused(FakeRequest.create().header("X-API-Key", typo).build());
        assertEquals("malformed API key", e.description());
        assertEquals(0, calls[0]);
        assertEquals(0, store.lookups());
    }

    @Test
    void whenTheStoreIsDownThen503AndNotAuthenticated() {
        CreatedApiKey key = fx.service.create("svc", Set.of(), null);
        store.setDown(true);
        assertEquals(503, authenticator.refused(FakeRequest.create().bearer(key.key()).build()).status());
    }

    @Test
    void whenNoIdentityStoreValidatesApiKeysThen503NoIdentityStore() {
        Login orphan = new Login(kind, c -> CredentialValidationResult.NOT_VALIDATED_RESULT);
        String key = fx.unissuedKey("live");
        AuthError e = orphan.refused(FakeRequest.create().bearer(key).build());
        assertEquals(503, e.status());
        assertEquals("no_identity_store", e.reason());
    }

    @Test
    void whenNoKeyThenNoCredential() {
        assertSame(AuthOutcome.NO_CREDENTIAL, authenticator.authenticate(FakeRequest.create().build()));
    }

    @Test
    void whenTheIdentityStoreSeesAnotherCredentialThenNotValidated() {
        assertEquals(CredentialValidationResult.Status.NOT_VALIDATED,
                identityStore.validate(new UsernamePasswordCredential("a", "b")).getStatus());
        assertTrue(identityStore.validationTypes().containsAll(Set.of(
                jakarta.security.enterprise.identitystore.IdentityStore.ValidationType.VALIDATE,
                jakarta.security.enterprise.identitystore.IdentityStore.ValidationType.PROVIDE_GROUPS)));
    }

    @Test
    void whenKeysAreUsedThenLastUseIsWrittenInOneBatchOnFlush() {
        CreatedApiKey a = fx.service.create("a", Set.of(), null);
        CreatedApiKey b = fx.service.create("b", Set.of(), null);
        for (int i = 0; i < 3; i++) {
            authenticator.authenticate(FakeRequest.create().bearer(a.key()).build());
            authenticator.authenticate(FakeRequest.create().bearer(b.key()).build());
        }
        assertEquals(0, store.lastUsedWrites(), "nothing written per request");
        assertEquals(2, lastUsed.pendingCount());
        lastUsed.flush();
        assertEquals(1, store.lastUsedWrites());
        assertEquals(fx.clock.instant(), store.findById(a.keyId()).orElseThrow().lastUsed());
        assertEquals(fx.clock.instant(), store.findById(b.keyId()).orElseThrow().lastUsed());
    }

    @Test
    void whenFlushFailsThenPendingUsesAreKeptForTheNextFlush() {
        CreatedApiKey a = fx.service.create("a", Set.of(), null);
        authenticator.authenticate(FakeRequest.create().bearer(a.key()).build());
        store.setDown(true);
        assertThrows(RuntimeException.class, lastUsed::flush);
        assertEquals(1, lastUsed.pendingCount());
        store.setDown(false);
        lastUsed.flush();
        assertEquals(fx.clock.instant(), store.findById(a.keyId()).orElseThrow().lastUsed());
    }
}

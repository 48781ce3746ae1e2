package dev.latchkey.auth.basic;

import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.state.MemoryStateStore;
import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.fixtures.FakeRequest;
import dev.latchkey.auth.fixtures.Login;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.mechanism.AuthOutcome;
import dev.latchkey.test.time.MutableClock;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.latchkey.auth.basic.BasicCredentialResolverTest.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasicKindTest {

    private final MutableClock clock = MutableClock.at("2025-01-01T00:00:00Z");
    private final BasicSettings settings = BasicSettings.defaults(Path.of("unused"));
    private final AtomicInteger validations = new AtomicInteger();
    /** alice/secret is valid (groups admin); everything else is invalid. */
    private IdentityStoreHandler handler = credential -> {
        validations.incrementAndGet();
        UsernamePasswordCredential upc = (UsernamePasswordCredential) credential;
        return upc.compareTo("alice", "secret")
                ? new CredentialValidationResult(new CallerPrincipal("alice"), Set.of("admin"))
                : CredentialValidationResult.INVALID_RESULT;
    };

    private Login authenticator() {
        return login(settings, new LoginThrottle(settings, new MemoryStateStore(clock), clock), TrustedProxies.NONE);
    }

    private Login login(BasicSettings s, LoginThrottle throttle, TrustedProxies proxies) {
        return new Login(new BasicKind(s, new BasicCredentialResolver(s.apiKeyPrefixes()), throttle, proxies),
                c -> handler.validate(c));
    }

    private static HttpServletRequest req(String userPass, String addr) {
        return FakeRequest.create().remoteAddr(addr).header("Authorization", basic(userPass)).build();
    }

    private static AuthError rejected(AuthOutcome outcome) {
        return assertInstanceOf(AuthOutcome.Rejected.class, outcome).error();
    }

    @Test
    void whenValidThenCallerWithGroupsAndUsernameAsCredentialId() {
        LatchkeyCaller caller = assertInstanceOf(AuthOutcome.Authenticated.class,
                authenticator().authenticate(req("alice:secret", "192.0.2.1"))).caller();
        assertEquals("alice", caller.getName());
        assertEquals("basic", caller.mechanism());
        assertEquals(Set.of("admin"), caller.groups());
        assertEquals(Set.of(), caller.scopes());
        assertEquals("alice", caller.credentialId().orElseThrow());
    }

    @Test
    void whenNoAuthorizationThenNoCredential() {
        assertEquals(AuthOutcome.NO_CREDENTIAL, authenticator().authenticate(FakeRequest.create().build()));
    }

    @Test
    void whenPlainHttpThen401WithoutCheckingCredentials() {
        HttpServletRequest plain = FakeRequest.create().secure(false).header("Authorization", basic("alice:secret"))
                .build();
        AuthError e = rejected(authenticator().authenticate(plain));
        assertEquals(401, e.status());
        assertEquals("tls_required", e.reason());
        assertEquals("Basic", e.scheme());
        assertEquals(0, validations.get());
    }

    @Test
    void whenTlsNotRequiredThenPlainHttpAccepted() {
        BasicSettings lax = new BasicSettings(false, Path.of("unused"), List.of(), 5,
                new RateLimit(10, Duration.ofMinutes(1)), Duration.ofMinutes(15), Duration.ofDays(1),
                Duration.ofMinutes(15), 1000, PasswordHasher.DEFAULT_ITERATIONS);
        Login a = login(lax, new LoginThrottle(lax, new MemoryStateStore(clock), clock), TrustedProxies.NONE);
        HttpServletRequest plain = FakeRequest.create().secure(false).header("Authorization", basic("alice:secret"))
                .build();
        assertInstanceOf(AuthOutcome.Authenticated.class, a.authenticate(plain));
    }

    @Test
    void whenWrongPasswordOrUnknownUserThenSame401WithoutCredentialId() {
        Login a = authenticator();
        AuthError wrong = rejected(a.authenticate(req("alice:nope", "192.0.2.1")));
        AuthError unknown = rejected(a.authenticate(req("mallory:nope", "192.0.2.2")));
        assertEquals(wrong, unknown);
        assertEquals(401, wrong.status());
        assertEquals("invalid credentials", wrong.description());
        assertNull(wrong.credentialId());
    }

    @Test
    void whenFiveFailuresFromOneNetworkThenThatNetworkIsLockedOutWithoutCheckingPasswordUntilCoolDownEnds() {
        Login a = authenticator();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, rejected(a.authenticate(req("alice:guess" + i, "198.51.100.7"))).status());
        }
        int before = validations.get();
        AuthError locked = rejected(a.authenticate(req("alice:secret", "198.51.100.7")));
        assertEquals(429, locked.status());
        assertEquals(String.valueOf(Duration.ofMinutes(15).toSeconds()), locked.headers().get("Retry-After"));
        assertEquals(before, validations.get(), "the password must not be checked while locked");

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertInstanceOf(AuthOutcome.Authenticated.class, a.authenticate(req("alice:secret", "198.51.100.7")));
    }

    @Test
    void whenFailuresComeFromManyNetworksThenTheRightPasswordFromACleanNetworkIsAccepted() {
        Login a = authenticator();
        for (int i = 0; i < 50; i++) {
            a.authenticate(req("alice:guess" + i, "198.51.100." + i));
        }
        assertInstanceOf(AuthOutcome.Authenticated.class, a.authenticate(req("alice:secret", "192.0.2.200")),
                "a network without recent failures is never refused");
    }

    @Test
    void whenNetworksWithFailuresExceedTheUsersChecksThen429WithoutCheckingThePassword() {
        Login a = authenticator();
        for (int i = 0; i < 10; i++) { // one failure each from 10 networks: the user's 10 checks per minute
            a.authenticate(req("alice:guess", "198.51.100." + i));
        }
        int before = validations.get();
        AuthError slowed = rejected(a.authenticate(req("alice:secret", "198.51.100.0")));
        assertEquals(429, slowed.status(), "a network that failed for alice waits for the next check");
        assertEquals("6", slowed.headers().get("Retry-After"), "10 per minute: one every 6 seconds");
        assertEquals(before, validations.get());
        clock.advance(Duration.ofSeconds(6));
        assertInstanceOf(AuthOutcome.Authenticated.class, a.authenticate(req("alice:secret", "198.51.100.0")));
    }

    @Test
    void whenUsernamesDifferOnlyInUnicodeNormalizationThenTheyShareOneCounter() {
        Login a = authenticator();
        String composed = "jos\u00e9";
        String decomposed = "jose\u0301";
        for (int i = 0; i < 5; i++) {
            a.authenticate(req((i % 2 == 0 ? composed : decomposed) + ":guess" + i, "198.51.100.9"));
        }
        assertEquals(429, rejected(a.authenticate(req(composed + ":x", "198.51.100.9"))).status());
        assertEquals(429, rejected(a.authenticate(req(decomposed + ":x", "198.51.100.9"))).status());
    }

    @Test
    void whenSuccessThenTheNetworksCountResets() {
        Login a = authenticator();
        for (int i = 0; i < 4; i++) {
            a.authenticate(req("alice:guess", "198.51.100.1"));
        }
        assertInstanceOf(AuthOutcome.Authenticated.class, a.authenticate(req("alice:secret", "198.51.100.1")));
        for (int i = 0; i < 4; i++) {
            assertEquals(401, rejected(a.authenticate(req("alice:guess", "198.51.100.1"))).status());
        }
        assertInstanceOf(AuthOutcome.Authenticated.class, a.authenticate(req("alice:secret", "198.51.100.1")));
    }

    @Test
    void whenFailuresAreSpreadOverMoreThanTheWindowThenNoLockout() {
        Login a = authenticator();
        for (int i = 0; i < 8; i++) {
            assertEquals(401, rejected(a.authenticate(req("alice:guess", "198.51.100.1"))).status());
            clock.advance(Duration.ofMinutes(4));
        }
    }

    @Test
    void whenOneNetworkSpraysManyUsernamesThenOtherUsersOnItAreNotLockedOut() {
        Login a = authenticator();
        for (int i = 0; i < 20; i++) {
            assertEquals(401, rejected(a.authenticate(req("user" + i + ":x", "203.0.113.7"))).status());
        }
        assertInstanceOf(AuthOutcome.Authenticated.class, a.authenticate(req("alice:secret", "203.0.113.7")),
                "failures per network over all users are the chain's limit (latchkey.failed-attempts.*)");
    }

    @Test
    void whenAnIpv6NetworkRotatesAddressesThenItIsOneNetwork() {
        Login a = authenticator();
        for (int i = 0; i < 5; i++) {
            a.authenticate(req("alice:guess", "2001:db8:1:2::" + Integer.toHexString(i + 1)));
        }
        assertEquals(429, rejected(a.authenticate(req("alice:secret", "2001:db8:1:2:ffff::9"))).status(),
                "the /64 is locked, whichever address in it asks");
        assertInstanceOf(AuthOutcome.Authenticated.class, a.authenticate(req("alice:secret", "2001:db8:1:3::1")));
    }

    @Test
    void whenBehindATrustedProxyThenTheForwardedClientIsTheNetwork() {
        Login a = login(settings, new LoginThrottle(settings, new MemoryStateStore(clock), clock),
                TrustedProxies.of("10.0.0.0/8"));
        for (int i = 0; i < 5; i++) {
            a.authenticate(proxied("alice:guess", "198.51.100.66, 203.0.113.5"));
        }
        assertEquals(429, rejected(a.authenticate(proxied("alice:secret", "192.0.2.1, 203.0.113.5"))).status(),
                "the left-most entry is the client's own claim: never the key");
        assertInstanceOf(AuthOutcome.Authenticated.class, a.authenticate(proxied("alice:secret", "203.0.113.6")),
                "another client behind the same proxy");
    }

    private static HttpServletRequest proxied(String userPass, String forwardedFor) {
        return FakeRequest.create().remoteAddr("10.0.0.2").header("X-Forwarded-For", forwardedFor)
                .header("Authorization", basic(userPass)).build();
    }

    @Test
    void whenManyGuessesFromOneNetworkRunConcurrentlyThenNoMoreAreCheckedThanTheLockoutAllows() throws Exception {
        int threads = 20;
        Semaphore settled = new Semaphore(0); // one permit per thread inside the store or done without it
        CountDownLatch release = new CountDownLatch(1);
        ThreadLocal<Boolean> inStore = ThreadLocal.withInitial(() -> false);
        handler = credential -> {
            validations.incrementAndGet();
            inStore.set(true);
            settled.release();
            try {
                release.await(); // every admitted guess is still being checked when the others arrive
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CredentialValidationResult.INVALID_RESULT;
        };
        Login a = authenticator();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<AuthOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String addr = "198.51.100.1";
                outcomes.add(pool.submit(() -> {
                    inStore.set(false);
                    try {
                        return a.authenticate(req("alice:guess", addr));
                    } finally {
                        if (!inStore.get()) {
                            settled.release();
                        }
                    }
                }));
            }
            assertTrue(settled.tryAcquire(threads, 60, TimeUnit.SECONDS), "threads did not settle");
            release.countDown();
            Map<Integer, Long> statuses = new TreeMap<>();
            for (Future<AuthOutcome> f : outcomes) {
                statuses.merge(rejected(f.get()).status(), 1L, Long::sum);
            }
            assertEquals(5, validations.get(), "passwords checked");
            assertEquals(Map.of(401, 5L, 429, 15L), statuses);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void whenUserIdIsTooLongThen400BeforeTheThrottle() {
        LoginThrottle throttle = new LoginThrottle(settings, new MemoryStateStore(clock), clock);
        Login a = login(settings, throttle, TrustedProxies.NONE);
        String longUser = "u".repeat(UserFile.MAX_USERNAME_LENGTH + 1);
        AuthError e = a.refused(req(longUser + ":x", "192.0.2.1"));
        assertEquals(400, e.status());
        assertEquals("basic_user_too_long", e.reason());
        assertEquals(0, throttle.trackedUsernames());
        assertEquals(0, validations.get());
    }

    @Test
    void whenStoreIsUnavailableThen503PropagatesAndIsNotCountedAsFailure() {
        handler = credential -> {
            throw new AuthenticationFailure(AuthError.unavailable("user store unavailable", "user_store_unavailable"));
        };
        Login a = authenticator();
        for (int i = 0; i < 10; i++) {
            assertEquals(503, a.refused(req("alice:secret", "192.0.2.1")).status());
        }
    }

    @Test
    void whenNoIdentityStoreValidatesBasicCredentialsThen503NotCountedAsFailure() {
        handler = credential -> CredentialValidationResult.NOT_VALIDATED_RESULT;
        Login a = authenticator();
        for (int i = 0; i < 10; i++) {
            AuthError e = a.refused(req("alice:secret", "192.0.2.1"));
            assertEquals(503, e.status(), "no store for the credential is our fault, not the caller's");
            assertEquals("no_identity_store", e.reason());
        }
    }
}

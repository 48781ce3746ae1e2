package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.state.MemoryStateStore;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.fixtures.FakeRequest;
import dev.latchkey.auth.limit.FailedAttemptLimiter;
import dev.latchkey.auth.limit.FailedAttemptSettings;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.fixtures.StubKind;
import dev.latchkey.auth.spi.CredentialKind;
import dev.latchkey.test.time.MutableClock;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The one shared place for failed attempts of every kind: the chain refuses before any authenticator runs. */
class FailedAttemptChainTest {

    private static final List<String> KINDS = List.of("jwt", "api-key", "basic", "client-cert");
    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final AtomicInteger runs = new AtomicInteger();
    private AuthError answer = AuthError.invalidToken("Bearer", "bad", "bad_credential");

    /** One authenticator per kind; each finds its credential in {@code X-Kind: <name>} and answers {@link #answer}. */
    private AuthenticatorChain chain(int limit) {
        Map<String, Supplier<CredentialKind<?>>> available = new LinkedHashMap<>();
        for (String kind : KINDS) {
            StubKind stub = new StubKind(kind, List.of("Bearer"), r -> kind.equals(r.servlet().getHeader("X-Kind"))
                    ? Optional.of("header:X-Kind") : Optional.empty(), () -> {
                        runs.incrementAndGet();
                        return answer;
                    }, name -> { });
            available.put(kind, () -> stub);
        }
        return new AuthenticatorChain(new MechanismSettings(KINDS, "api", Map.of()), available,
                new CredentialLogin(StubKind.ACCEPT), new FailedAttemptLimiter(
                new FailedAttemptSettings(new RateLimit(limit, Duration.ofMinutes(1)), 1000), TrustedProxies.NONE,
                new MemoryStateStore(clock), clock));
    }

    private static HttpServletRequest request(String kind, String address) {
        return FakeRequest.create().remoteAddr(address).header("X-Kind", kind).build();
    }

    @Test
    void whenFailuresOfEveryKindReachTheLimitThenTheNextIsRefusedBeforeAnyAuthenticatorRuns() {
        AuthenticatorChain chain = chain(8);
        for (String kind : KINDS) {
            for (int i = 0; i < 2; i++) {
                assertEquals(401, rejected(chain.run(request(kind, "192.0.2.1"))).status());
            }
        }
        for (String kind : KINDS) {
            AuthError limited = rejected(chain.run(request(kind, "192.0.2.1")));
            assertEquals(429, limited.status());
            assertEquals("rate_limited", limited.error());
            assertEquals(FailedAttemptLimiter.REASON, limited.reason());
            assertEquals("8", limited.headers().get("Retry-After"), "8 per minute: one back every 7.5 s");
        }
        assertEquals(8, runs.get(), "no authenticator saw the refused requests");
        assertEquals(401, rejected(chain.run(request("basic", "192.0.2.2"))).status(), "another network");
        clock.advance(Duration.ofMillis(7500));
        assertEquals(401, rejected(chain.run(request("jwt", "192.0.2.1"))).status(), "refilled one");
    }

    @Test
    void whenTheStoreFailsOrNoCredentialIsSentThenNothingIsCounted() {
        AuthenticatorChain chain = chain(3);
        answer = AuthError.unavailable("store down", "store_unavailable");
        for (int i = 0; i < 10; i++) {
            assertEquals(503, rejected(chain.run(request("api-key", "192.0.2.3"))).status());
            assertInstanceOf(AuthOutcome.NoCredential.class,
                    chain.run(FakeRequest.create().remoteAddr("192.0.2.3").build()).outcome());
        }
        answer = AuthError.invalidToken("Bearer", "bad", "bad_credential");
        assertEquals(401, rejected(chain.run(request("api-key", "192.0.2.3"))).status());
    }

    @Test
    void whenANetworkIsOverTheLimitThenARequestWithoutCredentialIsStillAnswered() {
        AuthenticatorChain chain = chain(1);
        chain.run(request("jwt", "192.0.2.4"));
        assertEquals(429, rejected(chain.run(request("jwt", "192.0.2.4"))).status());
        assertInstanceOf(AuthOutcome.NoCredential.class,
                chain.run(FakeRequest.create().remoteAddr("192.0.2.4").build()).outcome());
    }

    private static AuthError rejected(AuthenticatorChain.Result result) {
        return assertInstanceOf(AuthOutcome.Rejected.class, result.outcome()).error();
    }
}

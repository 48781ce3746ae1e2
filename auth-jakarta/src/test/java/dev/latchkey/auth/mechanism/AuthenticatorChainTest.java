package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.fixtures.FakeRequest;
import dev.latchkey.auth.spi.AuthOutcome;
import dev.latchkey.auth.spi.CredentialAuthenticator;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class AuthenticatorChainTest {

    private final List<String> calls = new ArrayList<>();

    /** Header credential: {@code Authorization}. */
    private final Stub header = new Stub("header", r -> Optional.ofNullable(r.getHeader("Authorization"))
            .map(v -> "header:Authorization"),
            AuthOutcome.rejected(AuthError.invalidToken("Bearer", "bad token", "bad_token")));

    /** URL credential: {@code ?key=}, which its authenticator always refuses. */
    private final Stub url = new Stub("url", r -> Optional.ofNullable(r.getQueryString())
            .filter(q -> q.startsWith("key="))
            .map(q -> CredentialAuthenticator.QUERY_SOURCE + "key"),
            AuthOutcome.rejected(AuthError.invalidRequest("Bearer", "use the header", "key_in_url")));

    private AuthenticatorChain chain(Stub... stubs) {
        Map<String, Supplier<CredentialAuthenticator>> available = new LinkedHashMap<>();
        for (Stub s : stubs) {
            available.put(s.name(), () -> s);
        }
        return new AuthenticatorChain(new MechanismSettings(available.keySet().stream().toList(), "api"), available);
    }

    @Test
    void whenTwoHeaderCredentialsThenConflictWithoutRunningEither() {
        Stub other = new Stub("other", r -> Optional.ofNullable(r.getHeader("X-Other")).map(v -> "header:X-Other"),
                AuthOutcome.NO_CREDENTIAL);
        HttpServletRequest request = FakeRequest.create().bearer("t").header("X-Other", "k").build();

        AuthenticatorChain.Result result = chain(header, other).run(request);

        assertEquals("conflicting_credentials", rejection(result).reason());
        assertEquals(List.of(), calls);
        assertNull(result.decidedBy());
    }

    @Test
    void whenUrlCredentialBesideAHeaderOneThenTheUrlRefusalWins() {
        HttpServletRequest request = FakeRequest.create().bearer("t").query("key=sk_test_x").build();

        AuthenticatorChain.Result result = chain(header, url).run(request);

        assertEquals("key_in_url", rejection(result).reason());
        assertEquals(List.of("url"), calls, "the URL credential's authenticator must see it (to report the exposure)");
    }

    @Test
    void whenOneCredentialThenItsAuthenticatorDecides() {
        HttpServletRequest request = FakeRequest.create().bearer("t").build();

        AuthenticatorChain.Result result = chain(url, header).run(request);

        assertEquals("bad_token", rejection(result).reason());
        assertEquals(List.of("url", "header"), calls);
    }

    private static AuthError rejection(AuthenticatorChain.Result result) {
        return assertInstanceOf(AuthOutcome.Rejected.class, result.outcome()).error();
    }

    private final class Stub implements CredentialAuthenticator {
        private final String name;
        private final Function<HttpServletRequest, Optional<String>> source;
        private final AuthOutcome outcome;

        Stub(String name, Function<HttpServletRequest, Optional<String>> source, AuthOutcome outcome) {
            this.name = name;
            this.source = source;
            this.outcome = outcome;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<String> challengeScheme() {
            return Optional.of("Bearer");
        }

        @Override
        public Optional<String> credentialSource(HttpServletRequest request) {
            return source.apply(request);
        }

        @Override
        public AuthOutcome authenticate(HttpServletRequest request) {
            calls.add(name);
            return source.apply(request).isPresent() ? outcome : AuthOutcome.NO_CREDENTIAL;
        }
    }
}

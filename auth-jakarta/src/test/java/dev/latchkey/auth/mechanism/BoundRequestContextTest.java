package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.fixtures.FakeRequest;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class BoundRequestContextTest {

    private static final AuthenticatorChain CHAIN = new AuthenticatorChain(
            new MechanismSettings(List.of(), "api", Map.of()), Map.of(),
            new CredentialLogin(c -> CredentialValidationResult.NOT_VALIDATED_RESULT), null);

    private static RequestAuthContext context(String name) {
        return new RequestAuthContext(CHAIN, event -> { }, () -> "192.0.2.1", "/",
                new LatchkeyCaller(name, "api-key", Set.of(), Set.of(), Map.of(), null));
    }

    /** The CDI bean's view: its request proxy here is a request without the attribute. */
    private static CurrentCaller injected(HttpServletRequest request) {
        CurrentCaller current = new CurrentCaller();
        current.request = request;
        return current;
    }

    @Test
    void whenBoundThenTheInjectedCallerReadsTheThreadsContextAndNothingAfterClose() {
        RequestAuthContext alice = context("alice");
        CurrentCaller current = injected(FakeRequest.create().build());
        try (BoundRequestContext.Binding bound = BoundRequestContext.bind(alice)) {
            assertSame(alice, current.authContext().orElseThrow());
            assertEquals("alice", current.get().orElseThrow().getName());
        }
        assertNull(BoundRequestContext.current(), "a closed binding leaves nothing on the thread");
        assertEquals(Optional.empty(), current.get());
    }

    @Test
    void whenNestedThenClosingTheInnerRestoresTheOuter() {
        RequestAuthContext outer = context("outer");
        try (BoundRequestContext.Binding a = BoundRequestContext.bind(outer)) {
            try (BoundRequestContext.Binding b = BoundRequestContext.bind(context("inner"))) {
                assertEquals("inner", BoundRequestContext.current().authenticated().getName());
            }
            assertSame(outer, BoundRequestContext.current());
        }
        assertNull(BoundRequestContext.current());
    }

    @Test
    void whenAnotherThreadAsksThenItReadsItsRequestNotTheBoundOne() throws Exception {
        try (BoundRequestContext.Binding bound = BoundRequestContext.bind(context("alice"))) {
            CurrentCaller current = injected(FakeRequest.create().build());
            assertEquals(Optional.empty(), CompletableFuture.supplyAsync(current::get).get());
        }
    }

    @Test
    void whenAViewOfOneRequestThenItReadsThatRequestEvenWhileAnotherIsBound() {
        RequestAuthContext bob = context("bob");
        CurrentCaller view = CurrentCaller.of(FakeRequest.create()
                .attribute(AuthenticatorChain.REQUEST_ATTRIBUTE, bob).build());
        try (BoundRequestContext.Binding bound = BoundRequestContext.bind(context("alice"))) {
            assertSame(bob, view.authContext().orElseThrow());
        }
    }
}

package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.audit.AuthenticationEvent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the Latchkey mechanism leaves on each request for the layers after it (the JAX-RS filter, the
 * {@code @RequiresScope} interceptor, their error responses): the chain of the request's own web application, its
 * audit event sink, and the request's client address and path. Stored as request attribute
 * {@link AuthenticatorChain#REQUEST_ATTRIBUTE} (JAX-RS exposes it as a request property) and in
 * {@link dev.latchkey.auth.caller.CurrentCaller}, so that no later layer has to find "the" application through a
 * JVM-wide lookup (several web applications may share a JVM and a CDI provider).
 *
 * @param chain         the chain that ran
 * @param audit         fires an {@link AuthenticationEvent} in the application's CDI container
 * @param remoteAddress the client address ({@link dev.latchkey.auth.request.ClientAddress}: the TCP peer, or behind
 *                      {@code latchkey.trusted-proxies} the right-most untrusted {@code X-Forwarded-For} hop)
 * @param path          the request path, without query
 */
public record RequestAuthContext(AuthenticatorChain chain, Consumer<AuthenticationEvent> audit, String remoteAddress,
                                 String path) {

    public RequestAuthContext {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(audit, "audit");
    }

    /** The context if {@code attribute} (a request attribute or property) is one. */
    public static Optional<RequestAuthContext> of(Object attribute) {
        return attribute instanceof RequestAuthContext context ? Optional.of(context) : Optional.empty();
    }

    /** Audits a 401 answered after the mechanism, to a request that presented no credential. */
    public void challenged() {
        audit.accept(new AuthenticationEvent(AuthenticationEvent.Outcome.CHALLENGE, null, "no_credential", 401, null,
                null, remoteAddress, path, Instant.now()));
    }

    /** The chain and path only: the audit sink is no data. */
    @Override
    public String toString() {
        return "RequestAuthContext[realm=" + chain.realm() + ", path=" + path + "]";
    }
}

package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.audit.AuthenticationEvent;
import dev.latchkey.auth.caller.LatchkeyCaller;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the Latchkey mechanism leaves on each request for the layers after it (the JAX-RS filter, the
 * {@code @RequiresScope} interceptor, their error responses): the caller, the chain of the request's own web
 * application, its audit event sink, and the request's client address and path. Published once, as request attribute
 * {@link AuthenticatorChain#REQUEST_ATTRIBUTE} (JAX-RS exposes it as a request property): the one home of the caller,
 * from which {@link CurrentCaller} reads, and which no later layer has to find through a JVM-wide lookup (several web
 * applications may share a JVM and a CDI provider). The container's principal is the same caller object.
 *
 * @param chain         the chain that ran
 * @param audit         fires an {@link AuthenticationEvent} in the application's CDI container
 * @param remoteAddress the client address ({@link dev.latchkey.auth.request.ClientAddress}: the TCP peer, or behind
 *                      {@code latchkey.trusted-proxies} the right-most untrusted {@code X-Forwarded-For} hop), worked
 *                      out only when an event needs it: most requests fire none
 * @param path          the request path, without query
 * @param authenticated the caller, or null when the request is not authenticated
 */
public record RequestAuthContext(AuthenticatorChain chain, Consumer<AuthenticationEvent> audit,
                                 Supplier<String> remoteAddress,
                                 String path, LatchkeyCaller authenticated) {

    public RequestAuthContext {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    /** The authenticated caller; empty for an anonymous request. */
    public Optional<LatchkeyCaller> caller() {
        return Optional.ofNullable(authenticated);
    }

    /** The context if {@code attribute} (a request attribute or property) is one. */
    public static Optional<RequestAuthContext> of(Object attribute) {
        return attribute instanceof RequestAuthContext context ? Optional.of(context) : Optional.empty();
    }

    /** Audits a 401 answered to a request that presented no credential (by the mechanism, or a later layer). */
    public void challenged() {
        audit(AuthenticationEvent.Outcome.CHALLENGE, null, "no_credential", 401, null);
    }

    /**
     * Fires the audit event of this request: its caller (on success), client address and path.
     *
     * @param mechanism    the kind that decided, or null
     * @param credentialId a non-secret id of the credential, or null
     */
    public void audit(AuthenticationEvent.Outcome outcome, String mechanism, String reason, int status,
                      String credentialId) {
        audit.accept(new AuthenticationEvent(outcome, mechanism, reason, status,
                authenticated == null ? null : authenticated.getName(), credentialId, remoteAddress.get(), path,
                Instant.now()));
    }

    /** Realm, path and caller only: the audit sink is no data. */
    @Override
    public String toString() {
        return "RequestAuthContext[realm=" + chain.realm() + ", path=" + path + ", caller=" + authenticated + "]";
    }
}

package dev.latchkey.auth.basic;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.limit.KeyedBuckets;
import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.request.ClientAddress;
import dev.latchkey.auth.request.ClientNetwork;
import dev.latchkey.auth.request.ForwardedProto;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.spi.Admission;
import dev.latchkey.auth.spi.AbstractCredentialKind;
import dev.latchkey.auth.spi.CredentialRequest;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import java.util.List;
import java.util.Map;

/**
 * HTTP Basic authentication (RFC 7617), {@value #NAME} in {@code latchkey.mechanisms}.
 *
 * <ol>
 *   <li>{@link BasicCredentialResolver} finds and parses the credential (400 when malformed).</li>
 *   <li>Over plain HTTP with {@code latchkey.basic.require-tls=true}: 401, credentials not checked (RFC 7617 §4).</li>
 *   <li>{@link LoginThrottle}, per (user name, client network) and per user name: a locked-out pair, or a network
 *   with recent failures while the name's checks are used up, gets 429 + {@code Retry-After}, password not checked;
 *   otherwise the attempt is counted as a failure before the check and taken back if it succeeds (or is not judged).
 *   The client network is the {@link ClientAddress} behind {@code latchkey.trusted-proxies}.</li>
 *   <li>The identity stores validate the {@link UsernamePasswordCredential}: the embedded
 *   {@link UserFileIdentityStore} and any application store (database, LDAP) take part.</li>
 * </ol>
 * Unknown user and wrong password give the same answer: 401 {@code invalid credentials}, without credential id. On
 * success the caller's credential id is the username.
 */
public final class BasicKind extends AbstractCredentialKind<UsernamePasswordCredential> {

    public static final String NAME = "basic";

    private final BasicSettings settings;
    private final LoginThrottle throttle;
    private final TrustedProxies proxies;

    public BasicKind(BasicSettings settings, BasicCredentialResolver resolver, LoginThrottle throttle,
                     TrustedProxies proxies) {
        super(NAME, List.of(AuthScheme.BASIC), resolver);
        this.settings = settings;
        this.throttle = throttle;
        this.proxies = proxies;
    }




    /** RFC 7617 §4: no password over plain HTTP; then the login throttle, counting the attempt before the check. */
    @Override
    public Admission admit(UsernamePasswordCredential credential, CredentialRequest request) {
        if (settings.requireTls() && !ForwardedProto.isSecure(request.servlet(), proxies)) {
            throw new AuthenticationFailure(AuthError.invalidToken(AuthScheme.BASIC,
                    "Basic authentication requires TLS (https)", "tls_required"));
        }
        String username = credential.getCaller();
        ClientNetwork network = ClientAddress.network(request.servlet(), proxies);
        // Counted before the check, atomically: concurrent guesses cannot all slip in before a lockout.
        throttle.tryAttempt(username, network).ifPresent(locked -> {
            throw new AuthenticationFailure(AuthError.tooManyRequests("too many failed login attempts; retry later",
                    KeyedBuckets.retryAfterSeconds(locked), "login_locked_out"));
        });
        return new Admission() {
            @Override
            public void accepted() {
                throttle.recordSuccess(username, network);
            }

            @Override
            public void unjudged() {
                throttle.cancelAttempt(username, network);
            }
        };
    }

    @Override
    public LatchkeyCaller caller(UsernamePasswordCredential credential, CredentialValidationResult valid) {
        return LatchkeyCaller.from(valid, NAME, valid.getCallerPrincipal().getName(), Map.of());
    }
}

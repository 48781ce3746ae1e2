package dev.latchkey.auth.basic;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.limit.KeyedBuckets;
import dev.latchkey.auth.request.ClientAddress;
import dev.latchkey.auth.request.ClientNetwork;
import dev.latchkey.auth.request.ForwardedProto;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.spi.AuthOutcome;
import dev.latchkey.auth.spi.CredentialAuthenticator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP Basic authentication (RFC 7617), mechanism name {@code basic}.
 *
 * <ol>
 *   <li>{@link BasicCredentialResolver} finds and parses the credential (400 when malformed).</li>
 *   <li>Over plain HTTP with {@code latchkey.basic.require-tls=true}: 401, credentials not checked (RFC 7617 §4).</li>
 *   <li>{@link LoginThrottle}, per (user name, client network) and per user name: a locked-out pair, or a network
 *   with recent failures while the name's checks are used up, gets 429 + {@code Retry-After}, password not checked;
 *   otherwise the attempt is counted as a failure before the check and taken back if it succeeds. The client network
 *   is the {@link ClientAddress} behind {@code latchkey.trusted-proxies}.</li>
 *   <li>The {@link IdentityStoreHandler} validates a {@link UsernamePasswordCredential}: the embedded
 *   {@link UserFileIdentityStore} and any application store (database, LDAP) take part.</li>
 * </ol>
 * Unknown user and wrong password give the same answer: 401 {@code invalid credentials}, without credential id. On
 * success the caller's credential id is the username.
 */
@ApplicationScoped
@Named("basic")
public class BasicAuthenticator implements CredentialAuthenticator {

    public static final String NAME = "basic";
    private static final String SCHEME = "Basic";

    @Inject
    BasicCredentialResolver resolver;

    @Inject
    LoginThrottle throttle;

    @Inject
    IdentityStoreHandler identityStoreHandler;

    private BasicSettings settings;
    private TrustedProxies proxies = TrustedProxies.NONE;

    /** For CDI; settings are read in {@link #init()}. */
    public BasicAuthenticator() {
    }

    public BasicAuthenticator(BasicSettings settings, BasicCredentialResolver resolver, LoginThrottle throttle,
                              IdentityStoreHandler identityStoreHandler) {
        this.settings = settings;
        this.resolver = resolver;
        this.throttle = throttle;
        this.identityStoreHandler = identityStoreHandler;
    }

    public BasicAuthenticator(BasicSettings settings, BasicCredentialResolver resolver, LoginThrottle throttle,
                              IdentityStoreHandler identityStoreHandler, TrustedProxies proxies) {
        this(settings, resolver, throttle, identityStoreHandler);
        this.proxies = proxies;
    }

    @PostConstruct
    void init() {
        ConfigReader config = ConfigReader.current();
        settings = BasicSettings.from(config);
        proxies = TrustedProxies.from(config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> challengeScheme() {
        return Optional.of(SCHEME);
    }

    @Override
    public Optional<String> credentialSource(HttpServletRequest request) {
        return resolver.credentialSource(request);
    }

    @Override
    public AuthOutcome authenticate(HttpServletRequest request) {
        Optional<UsernamePasswordCredential> resolved = resolver.resolve(request);
        if (resolved.isEmpty()) {
            return AuthOutcome.NO_CREDENTIAL;
        }
        UsernamePasswordCredential credential = resolved.get();
        try {
            if (settings.requireTls() && !ForwardedProto.isSecure(request, proxies)) {
                return AuthOutcome.rejected(AuthError.invalidToken(SCHEME,
                        "Basic authentication requires TLS (https)", "tls_required"));
            }
            String username = credential.getCaller();
            ClientNetwork address = ClientAddress.network(request, proxies);
            // Counted before the check, atomically: concurrent guesses cannot all slip in before a lockout.
            Optional<Duration> locked = throttle.tryAttempt(username, address);
            if (locked.isPresent()) {
                long seconds = KeyedBuckets.retryAfterSeconds(locked.get());
                return AuthOutcome.rejected(AuthError.tooManyRequests(
                        "too many failed login attempts; retry later", seconds, "login_locked_out"));
            }
            CredentialValidationResult result;
            try {
                result = identityStoreHandler.validate(credential);
            } catch (RuntimeException e) {
                // An AuthenticationFailure (503 from a broken store) propagates: it is not the caller's failure.
                throttle.cancelAttempt(username, address);
                throw e;
            }
            if (result.getStatus() != CredentialValidationResult.Status.VALID || result.getCallerPrincipal() == null) {
                return AuthOutcome.rejected(AuthError.invalidToken(SCHEME, "invalid credentials",
                        "invalid_credentials"));
            }
            throttle.recordSuccess(username, address);
            return AuthOutcome.authenticated(LatchkeyCaller.from(result, NAME, result.getCallerPrincipal().getName(), Map.of()));
        } finally {
            credential.clear();
        }
    }

}

package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.error.WwwAuthenticate;
import dev.latchkey.auth.limit.FailedAttemptLimiter;
import dev.latchkey.auth.request.ClientNetwork;
import dev.latchkey.auth.spi.AuthOutcome;
import dev.latchkey.auth.spi.CredentialAuthenticator;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The enabled authenticators in precedence order, resolved once at start-up from {@link MechanismSettings}. Runs a
 * request through them: refuses conflicting credentials, lets the first authenticator that finds its credential
 * decide, and knows the challenges to send when no credential was presented.
 */
public final class AuthenticatorChain {

    /**
     * Request attribute holding the chain that ran for the request: the JAX-RS layer challenges with the chain of its
     * own web application (several may share a JVM and a CDI provider).
     */
    public static final String REQUEST_ATTRIBUTE = "dev.latchkey.chain";

    private static final String AUTHORIZATION = "Authorization";
    /** The scheme challenged with when no enabled mechanism names one (none enabled, or client certificates only). */
    static final String FALLBACK_SCHEME = "Bearer";

    private final List<CredentialAuthenticator> authenticators;
    private final List<String> challenges;
    private final String realm;
    private final String requestErrorScheme;
    private final FailedAttemptLimiter failedAttempts;

    /** A chain without a limit on failed attempts (tests, tools). */
    public AuthenticatorChain(MechanismSettings settings, Map<String, Supplier<CredentialAuthenticator>> available) {
        this(settings, available, null);
    }

    /**
     * @param available      every authenticator bean by name, not yet created: only the enabled ones are created,
     *                       checked and {@linkplain CredentialAuthenticator#start() started}
     * @param failedAttempts counts the failures of every authenticator per client network and refuses a network over
     *                       its limit before any authenticator runs; null for none
     */
    public AuthenticatorChain(MechanismSettings settings, Map<String, Supplier<CredentialAuthenticator>> available,
                              FailedAttemptLimiter failedAttempts) {
        this.failedAttempts = failedAttempts;
        this.authenticators = settings.mechanisms().stream().map(name -> {
            Supplier<CredentialAuthenticator> bean = available.get(name);
            if (bean == null) {
                throw new ConfigurationException(MechanismSettings.MECHANISMS,
                        "unknown mechanism '" + name + "'; available: " + available.keySet());
            }
            CredentialAuthenticator authenticator = bean.get();
            if (!name.equals(authenticator.name())) {
                throw new IllegalStateException("authenticator bean named '" + name + "' reports the name '"
                        + authenticator.name() + "': " + authenticator.getClass().getName());
            }
            authenticator.start();
            return authenticator;
        }).toList();
        this.realm = settings.realm();
        Set<String> schemes = new LinkedHashSet<>();
        authenticators.forEach(a -> a.challengeScheme().ifPresent(schemes::add));
        // RFC 9110 §11.6.1: a 401 carries at least one challenge, also when no enabled mechanism has a scheme.
        this.challenges = schemes.isEmpty() ? List.of(WwwAuthenticate.challenge(FALLBACK_SCHEME, realm))
                : schemes.stream().map(s -> WwwAuthenticate.challenge(s, realm)).toList();
        // RFC 6750 §3.1 defines invalid_request for Bearer; Basic (RFC 7617) has no error parameters.
        this.requestErrorScheme = schemes.contains("Bearer") ? "Bearer" : null;
    }

    public List<CredentialAuthenticator> authenticators() {
        return authenticators;
    }

    /**
     * One challenge per enabled scheme, for a protected resource requested without credentials; {@code Bearer} with
     * the realm when no enabled mechanism has a scheme (RFC 9110 §11.6.1 requires one on every 401).
     */
    public List<String> challenges() {
        return challenges;
    }

    public String realm() {
        return realm;
    }

    /**
     * The challenge to send with an error: the error's own scheme, or none. A server-side failure (5xx) never carries
     * one: it is not a request to authenticate (RFC 7235 §4.1), and RFC 6750 §3.1 defines no Bearer error code for it.
     */
    public List<String> challengesFor(AuthError error) {
        return error.scheme() == null || error.isServerSide() ? List.of()
                : List.of(WwwAuthenticate.challenge(realm, error));
    }

    /** Result of running the chain: the outcome and the authenticator that produced it (null when none did). */
    public record Result(AuthOutcome outcome, CredentialAuthenticator decidedBy) {
    }

    /**
     * Runs the request through the chain. With a {@link FailedAttemptLimiter}: a request carrying a credential from a
     * network over its failure limit is refused (429) before any authenticator looks at the credential, and every
     * outcome is reported to the limiter, so that all mechanisms share one count.
     */
    public Result run(HttpServletRequest request) {
        if (failedAttempts == null) {
            return decide(request);
        }
        ClientNetwork network = failedAttempts.network(request);
        if (carriesCredential(request)) {
            Optional<AuthError> limited = failedAttempts.refusal(network);
            if (limited.isPresent()) {
                return new Result(AuthOutcome.rejected(limited.get()), null);
            }
        }
        Result result = decide(request);
        failedAttempts.record(network, result.outcome());
        return result;
    }

    private boolean carriesCredential(HttpServletRequest request) {
        for (CredentialAuthenticator authenticator : authenticators) {
            if (authenticator.credentialSource(request).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private Result decide(HttpServletRequest request) {
        Optional<AuthError> conflict = findConflict(request);
        if (conflict.isPresent()) {
            return new Result(AuthOutcome.rejected(conflict.get()), null);
        }
        for (CredentialAuthenticator authenticator : authenticators) {
            AuthOutcome outcome;
            try {
                outcome = authenticator.authenticate(request);
            } catch (AuthenticationFailure failure) {
                outcome = AuthOutcome.rejected(failure.error());
            }
            if (!(outcome instanceof AuthOutcome.NoCredential)) {
                return new Result(outcome, authenticator);
            }
        }
        return new Result(AuthOutcome.NO_CREDENTIAL, null);
    }

    /**
     * RFC 6750 §2: a client must not use more than one method to transmit the token; RFC 7235 §4.2 allows one
     * {@code Authorization} header. Two credentials in one request are refused, never guessed between.
     */
    private Optional<AuthError> findConflict(HttpServletRequest request) {
        var values = request.getHeaders(AUTHORIZATION);
        if (values != null) {
            List<String> list = Collections.list(values);
            if (list.size() > 1 || list.size() == 1 && isFolded(list.get(0))) {
                return Optional.of(AuthError.invalidRequest(requestErrorScheme, "more than one Authorization header",
                        "duplicate_authorization_header"));
            }
        }
        Map<String, CredentialAuthenticator> sources = new LinkedHashMap<>();
        for (CredentialAuthenticator a : authenticators) {
            if (a.exclusive()) {
                a.credentialSource(request).ifPresent(source -> sources.putIfAbsent(source, a));
            }
        }
        if (sources.size() > 1) {
            return Optional.of(urlCredentialRefusal(request, sources).orElseGet(() -> AuthError.invalidRequest(
                    requestErrorScheme, "more than one credential presented: use exactly one",
                    "conflicting_credentials")));
        }
        return Optional.empty();
    }

    /**
     * A credential in the URL is refused by its own authenticator even beside another credential, so that its
     * refusal (and the report that the credential leaked, RFC 6750 §5.3) is never masked by the conflict.
     */
    private static Optional<AuthError> urlCredentialRefusal(HttpServletRequest request,
                                                            Map<String, CredentialAuthenticator> sources) {
        for (Map.Entry<String, CredentialAuthenticator> e : sources.entrySet()) {
            if (e.getKey().startsWith(CredentialAuthenticator.QUERY_SOURCE)) {
                try {
                    AuthOutcome outcome = e.getValue().authenticate(request);
                    if (outcome instanceof AuthOutcome.Rejected rejected) {
                        return Optional.of(rejected.error());
                    }
                } catch (AuthenticationFailure failure) {
                    return Optional.of(failure.error());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Containers may fold repeated headers into one comma-separated value ({@code Bearer a, Bearer b}). A Bearer
     * token (RFC 6750 §2.1, token68) and Basic's base64 (RFC 7617 §2) never contain a comma.
     */
    private static boolean isFolded(String value) {
        return value.indexOf(',') >= 0
                && (value.regionMatches(true, 0, "Bearer ", 0, 7) || value.regionMatches(true, 0, "Basic ", 0, 6));
    }
}

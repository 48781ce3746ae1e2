package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.WwwAuthenticate;
import dev.latchkey.auth.limit.FailedAttemptLimiter;
import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.request.ClientNetwork;
import dev.latchkey.auth.spi.CredentialKind;
import dev.latchkey.auth.spi.CredentialRequest;
import dev.latchkey.auth.spi.CredentialResolver;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The enabled credential kinds in precedence order, resolved once at start-up from {@link MechanismSettings}. Runs a
 * request through them: reads the {@code Authorization} header once ({@link CredentialRequest}), asks every kind once
 * where its credential is, refuses conflicting credentials, lets the first kind that finds its credential decide
 * ({@link CredentialLogin}), and knows the challenges to send when no credential was presented.
 *
 * <p>One rule for several credentials: two exclusive ones (header, API-key header, signature, query) are a 400
 * conflict; a non-exclusive one ({@linkplain CredentialKind#exclusive a client certificate}) beside an exclusive one
 * never decides, whatever the order: the exclusive credential does, and the certificate only serves its binding
 * (RFC 8705 §3). A certificate decides only when it is the request's one credential.
 */
public final class AuthenticatorChain {

    /**
     * Request attribute holding the {@link RequestAuthContext} of the request: the JAX-RS layer challenges with the
     * chain of its own web application (several may share a JVM and a CDI provider).
     */
    public static final String REQUEST_ATTRIBUTE = "dev.latchkey.chain";

    /** The scheme challenged with when no enabled kind names one (none enabled, or client certificates only). */
    static final String FALLBACK_SCHEME = AuthScheme.BEARER;

    private final List<CredentialKind<?>> kinds;
    private final CredentialLogin login;
    private final Map<String, String> errorSchemes = new LinkedHashMap<>();
    /** Per scheme (lower case): the kind's challenge parameters, then the deployment's ({@code resource_metadata}). */
    private final Map<String, Map<String, String>> schemeParams = new LinkedHashMap<>();
    private final Map<String, String> deploymentParams;
    private final List<String> challenges;
    private final String realm;
    private final String requestErrorScheme;
    private final FailedAttemptLimiter failedAttempts;

    /**
     * @param available      every kind by name, not yet created: only the enabled ones are created, checked and
     *                       {@linkplain CredentialKind#start() started}
     * @param login          the shared step, validating through the identity store handler
     * @param failedAttempts counts the failures of every kind per client network and refuses a network over its limit
     *                       before any kind runs; null for none
     */
    public AuthenticatorChain(MechanismSettings settings, Map<String, Supplier<CredentialKind<?>>> available,
                              CredentialLogin login, FailedAttemptLimiter failedAttempts) {
        this.login = login;
        this.failedAttempts = failedAttempts;
        this.kinds = settings.mechanisms().stream().<CredentialKind<?>>map(name -> {
            Supplier<CredentialKind<?>> bean = available.get(name);
            if (bean == null) {
                throw new ConfigurationException(MechanismSettings.MECHANISMS,
                        "unknown mechanism '" + name + "'; available: " + available.keySet());
            }
            CredentialKind<?> kind = bean.get();
            if (!name.equals(kind.name())) {
                throw new IllegalStateException("credential kind bean named '" + name + "' reports the name '"
                        + kind.name() + "': " + kind.getClass().getName());
            }
            kind.start();
            return kind;
        }).toList();
        this.realm = settings.realm();
        this.deploymentParams = settings.challengeParams();
        Set<String> schemes = new LinkedHashSet<>();
        kinds.forEach(k -> {
            schemes.addAll(k.challengeSchemes());
            errorSchemes.put(k.name(), k.errorScheme());
            for (String scheme : k.challengeSchemes()) {
                Map<String, String> params = new LinkedHashMap<>(k.challengeParams());
                deploymentParams.forEach(params::putIfAbsent);
                schemeParams.putIfAbsent(scheme.toLowerCase(Locale.ROOT), Collections.unmodifiableMap(params));
            }
        });
        // RFC 9110 §11.6.1: a 401 carries at least one challenge, also when no enabled kind has a scheme.
        this.challenges = schemes.isEmpty()
                ? List.of(WwwAuthenticate.challenge(FALLBACK_SCHEME, realm, deploymentParams))
                : schemes.stream().map(s -> WwwAuthenticate.challenge(s, realm, paramsOf(s))).toList();
        // RFC 6750 §3.1 defines invalid_request for Bearer; Basic (RFC 7617) has no error parameters.
        this.requestErrorScheme = schemes.contains(AuthScheme.BEARER) ? AuthScheme.BEARER : null;
    }

    public List<CredentialKind<?>> kinds() {
        return kinds;
    }

    /**
     * One challenge per enabled scheme, for a protected resource requested without credentials; {@code Bearer} with
     * the realm when no enabled kind has a scheme (RFC 9110 §11.6.1 requires one on every 401).
     */
    public List<String> challenges() {
        return challenges;
    }

    public String realm() {
        return realm;
    }

    /**
     * The headers of a 401 to a request without credentials besides its challenges, from every enabled kind
     * ({@link CredentialKind#challengeHeaders}), e.g. {@code Accept-Signature}.
     */
    public Map<String, String> challengeHeaders(boolean withContent) {
        Map<String, String> headers = new LinkedHashMap<>();
        kinds.forEach(k -> headers.putAll(k.challengeHeaders(withContent)));
        return headers;
    }

    /**
     * The challenge to send with an error: the error's own scheme, or none. A server-side failure (5xx) never carries
     * one: it is not a request to authenticate (RFC 9110 §11.6.1), and RFC 6750 §3.1 defines no Bearer error code for
     * it.
     */
    public List<String> challengesFor(AuthError error) {
        return error.scheme() == null || error.isServerSide() ? List.of()
                : List.of(WwwAuthenticate.challenge(realm, error, paramsOf(error.scheme())));
    }

    /** The auth-params of {@code scheme}'s challenges: its kind's, then the deployment's. */
    private Map<String, String> paramsOf(String scheme) {
        return schemeParams.getOrDefault(scheme.toLowerCase(Locale.ROOT), deploymentParams);
    }

    /**
     * The scheme of a 403 {@code insufficient_scope} for a caller of {@code mechanism}: its kind's scheme when that is
     * {@code Bearer} (RFC 6750 §3.1 defines the error for Bearer) or {@code DPoP} (RFC 9449 §7.1 takes the RFC 6750
     * error codes and {@code scope}), else none.
     */
    public Optional<String> insufficientScopeScheme(String mechanism) {
        return Optional.ofNullable(errorSchemes.get(mechanism))
                .filter(s -> AuthScheme.same(s, AuthScheme.BEARER) || AuthScheme.same(s, AuthScheme.DPOP));
    }

    /** Result of running the chain: the outcome and the kind that produced it (null when none did). */
    public record Result(AuthOutcome outcome, CredentialKind<?> decidedBy) {
    }

    /** Where each kind's credential is in one request: every kind asked once. */
    private record Found(CredentialKind<?> kind, String source) {
    }

    /**
     * Runs the request through the chain. With a {@link FailedAttemptLimiter}: a request carrying a credential from a
     * network over its failure limit is refused (429) before any kind looks at the credential, and every outcome is
     * reported to the limiter, so that all kinds share one count.
     */
    public Result run(HttpServletRequest servletRequest) {
        CredentialRequest request = CredentialRequest.of(servletRequest);
        List<Found> found = find(request);
        if (failedAttempts == null) {
            return decide(request, found);
        }
        // The client's network is worked out only for a request that carries a credential or is refused.
        ClientNetwork network = null;
        if (!found.isEmpty() || request.repeatedAuthorization()) {
            network = failedAttempts.network(servletRequest);
            Optional<AuthError> limited = failedAttempts.refusal(network);
            if (limited.isPresent()) {
                return new Result(AuthOutcome.rejected(limited.get()), null);
            }
        }
        Result result = decide(request, found);
        if (result.outcome() instanceof AuthOutcome.Rejected rejected) {
            failedAttempts.record(network != null ? network : failedAttempts.network(servletRequest),
                    rejected.error());
        }
        return result;
    }

    private List<Found> find(CredentialRequest request) {
        List<Found> found = new ArrayList<>(2);
        for (CredentialKind<?> kind : kinds) {
            kind.resolver().source(request).ifPresent(source -> found.add(new Found(kind, source)));
        }
        return found;
    }

    private Result decide(CredentialRequest request, List<Found> found) {
        Optional<AuthError> conflict = findConflict(request, found);
        if (conflict.isPresent()) {
            return new Result(AuthOutcome.rejected(conflict.get()), null);
        }
        // A non-exclusive credential (a TLS client certificate) never hides an exclusive one: it decides only alone
        boolean exclusivePresent = false;
        for (Found f : found) {
            exclusivePresent |= f.kind().exclusive();
        }
        // Only the kinds that found their credential are asked for it (a kind without a source has none to resolve or
        // refuse: CredentialResolver#source); in the configured order, the first with a verdict decides.
        for (Found f : found) {
            if (exclusivePresent && !f.kind().exclusive()) {
                continue;
            }
            AuthOutcome outcome = login.login(f.kind(), request);
            if (!(outcome instanceof AuthOutcome.NoCredential)) {
                return new Result(outcome, f.kind());
            }
        }
        return new Result(AuthOutcome.NO_CREDENTIAL, null);
    }

    /**
     * RFC 6750 §2: a client must not use more than one method to transmit the token; RFC 9110 §11.6.2 allows one
     * {@code Authorization} header. Two credentials in one request are refused, never guessed between.
     */
    private Optional<AuthError> findConflict(CredentialRequest request, List<Found> found) {
        if (request.repeatedAuthorization()) {
            return Optional.of(AuthError.invalidRequest(requestErrorScheme, "more than one Authorization header",
                    "duplicate_authorization_header"));
        }
        if (found.size() < 2) {
            return Optional.empty(); // one credential (most requests) conflicts with nothing
        }
        Map<String, CredentialKind<?>> sources = new LinkedHashMap<>();
        for (Found f : found) {
            if (f.kind().exclusive()) {
                sources.putIfAbsent(f.source(), f.kind());
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
     * A credential in the URL is refused by its own kind even beside another credential, so that its refusal (and the
     * report that the credential leaked, RFC 6750 §5.3) is never masked by the conflict.
     */
    private Optional<AuthError> urlCredentialRefusal(CredentialRequest request,
                                                     Map<String, CredentialKind<?>> sources) {
        for (Map.Entry<String, CredentialKind<?>> e : sources.entrySet()) {
            if (e.getKey().startsWith(CredentialResolver.QUERY_SOURCE)
                    && login.login(e.getValue(), request) instanceof AuthOutcome.Rejected rejected) {
                return Optional.of(rejected.error());
            }
        }
        return Optional.empty();
    }
}

package dev.latchkey.auth.spi;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One credential kind (bearer JWT, API key, Basic, client certificate, ...): what differs between kinds. The shared
 * step ({@code dev.latchkey.auth.mechanism.CredentialLogin}) does the rest for every kind alike: resolve &rarr;
 * {@link #admit} &rarr; validate through the {@code IdentityStoreHandler} (so application identity stores take part)
 * &rarr; one status mapping &rarr; {@link #caller}. It owns the rules no kind may vary:
 * <ul>
 *   <li>{@code VALID}: the caller; {@code INVALID}: {@link #invalid} (401 with this kind's scheme);</li>
 *   <li>{@code NOT_VALIDATED}: 503 {@code no_identity_store} (no store for this credential is our fault);</li>
 *   <li>an {@link dev.latchkey.auth.error.AuthenticationFailure} thrown anywhere: its error.</li>
 * </ul>
 * Refusals travel one way: a kind <em>throws</em> {@code AuthenticationFailure}, it never returns an error.
 *
 * <p>A kind is a plain object built once by a CDI producer with its validated settings, and exposed as a
 * {@code @Singleton} bean of this type {@code @Named} with its {@link #name()}: only the kinds named in
 * {@code latchkey.mechanisms} are created, so a disabled kind never reads its configuration.
 *
 * @param <C> the credential its resolver finds and the identity stores validate
 */
public interface CredentialKind<C extends Credential> {

    /** The name in {@code latchkey.mechanisms} and {@link LatchkeyCaller#mechanism()}, e.g. {@code jwt}. */
    String name();

    /**
     * The schemes to challenge with when a protected resource is requested without credentials (RFC 9110 §11.6.1),
     * the first being the scheme of this kind's errors; empty for a kind without an HTTP scheme (TLS client
     * certificates).
     */
    List<String> challengeSchemes();

    /**
     * Further auth-params of this kind's challenges, with or without an error, e.g. DPoP's {@code algs} (RFC 9449
     * §7.1); none by default.
     */
    default Map<String, String> challengeParams() {
        return Map.of();
    }

    /** Finds the credential, from the request and its once-parsed {@code Authorization} header. */
    CredentialResolver<C> resolver();

    /**
     * Whether presenting this credential together with another is a conflict (RFC 6750 §2: one method per request).
     * A TLS client certificate is not exclusive: it may accompany a certificate-bound token (RFC 8705 §3). A
     * non-exclusive credential decides only when no exclusive one is present; beside one it never does.
     */
    default boolean exclusive() {
        return true;
    }

    /**
     * Called between resolving and validating: may refuse the credential before any store sees it (throw
     * {@link dev.latchkey.auth.error.AuthenticationFailure}, e.g. Basic over plain HTTP, a locked-out user), and
     * returns what to do with the verdict.
     */
    default Admission admit(C credential, CredentialRequest request) {
        return Admission.NONE;
    }

    /** The caller of a {@code VALID} result; by default {@link LatchkeyCaller#from}, with {@link #credentialId}. */
    default LatchkeyCaller caller(C credential, CredentialValidationResult valid) {
        return LatchkeyCaller.from(valid, name(), credentialId(credential).orElse(null), Map.of());
    }

    /**
     * Response headers for an accepted credential, e.g. {@code RateLimit-*}; may still refuse it (throw
     * {@link dev.latchkey.auth.error.AuthenticationFailure}, e.g. 429 over a rate limit).
     */
    default Map<String, String> accepted(C credential, LatchkeyCaller caller) {
        return Map.of();
    }

    /**
     * The request the application is given once the credential is accepted: the request itself by default. A kind
     * that must read part of the request to trust it returns a replacement, e.g. the signature kind returns the
     * request with its content checked against the signed {@code Content-Digest} (RFC 9421 §7.2.8). May refuse (throw
     * {@link dev.latchkey.auth.error.AuthenticationFailure}); called after {@link #accepted}.
     */
    default HttpServletRequest admittedRequest(C credential, HttpServletRequest request) {
        return request;
    }

    /**
     * Headers of a 401 to a request that presented no credential, besides the challenges: e.g. {@code Accept-Signature}
     * naming what a signature must cover (RFC 9421 §5.1). None by default.
     *
     * @param withContent whether the request has content
     */
    default Map<String, String> challengeHeaders(boolean withContent) {
        return Map.of();
    }

    /** The 401 for an {@code INVALID} result: the stores refused without saying why. */
    default AuthError invalid(C credential) {
        return AuthError.invalidToken(errorScheme(), "invalid credentials", "invalid_credentials")
                .withCredentialId(credentialId(credential).orElse(null));
    }

    /** A non-secret id of the credential for the audit log (key id, certificate serial); empty by default. */
    default Optional<String> credentialId(C credential) {
        return Optional.empty();
    }

    /** The scheme of this kind's errors: the first {@linkplain #challengeSchemes() challenge scheme}, or null. */
    default String errorScheme() {
        List<String> schemes = challengeSchemes();
        return schemes.isEmpty() ? null : schemes.get(0);
    }

    /**
     * How many namespaces this kind's caller names come from: one by default; one per trusted issuer for JWTs (the
     * same name from two issuers may be two people, see {@link dev.latchkey.auth.caller.CallerKey}).
     */
    default int callerNamespaces() {
        return 1;
    }

    /** Called once at start-up when the kind is enabled, e.g. to warn about risky settings. */
    default void start() {
    }
}

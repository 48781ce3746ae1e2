package dev.latchkey.auth.spi;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * One credential kind in the Latchkey mechanism chain: JWT bearer, API key, Basic, client certificate.
 *
 * <p>Implementations are CDI beans (usually {@code @ApplicationScoped}). They are deliberately <em>not</em>
 * {@code HttpAuthenticationMechanism}s, so that Jakarta Security still resolves exactly one mechanism. Each resolves
 * its credential from the request, validates it through the {@code IdentityStoreHandler} (so application identity
 * stores take part) and maps it to a {@code LatchkeyCaller}.
 *
 * <p>The chain is configured with {@code latchkey.mechanisms}: the first authenticator that finds its credential
 * decides, and its failure is final. Give the bean its {@link #name()} with {@code @Named}: the chain then creates
 * only the authenticators that are enabled, so a disabled kind never reads its configuration.
 */
public interface CredentialAuthenticator {

    /** Prefix of a {@link #credentialSource} in the query string, e.g. {@code query:api_key}. */
    String QUERY_SOURCE = "query:";

    /** The name used in {@code latchkey.mechanisms}: {@code jwt}, {@code api-key}, {@code basic}, {@code client-cert}. */
    String name();

    /**
     * The authentication scheme to challenge with when a protected resource is requested without any credential
     * ({@code Bearer}, {@code Basic}), or empty when this credential kind has no HTTP challenge (TLS client
     * certificates).
     */
    Optional<String> challengeScheme();

    /**
     * Where this request carries this authenticator's credential, e.g. {@code header:Authorization} or
     * {@code header:X-API-Key}, or {@link #QUERY_SOURCE} and the parameter name for one in the URL (which
     * {@link #authenticate} must refuse); empty when it carries none. Must be cheap (no validation): the chain uses
     * it to refuse requests that present two different credentials.
     */
    Optional<String> credentialSource(HttpServletRequest request);

    /**
     * Whether presenting this credential together with another is a conflict. Header credentials are exclusive; a TLS
     * client certificate is not (it may accompany a certificate-bound token, RFC 8705).
     */
    default boolean exclusive() {
        return true;
    }

    /**
     * Called once at start-up when this authenticator is enabled: read and check configuration here, so that bad
     * settings fail deployment rather than the first request.
     */
    default void start() {
    }

    /**
     * Resolves, validates and maps the credential.
     *
     * @return {@link AuthOutcome.NoCredential} when the request carries none of this kind; never {@code null}
     * @throws dev.latchkey.auth.error.AuthenticationFailure for a rejected credential or a failed dependency; the
     *                                                       chain treats it like {@link AuthOutcome.Rejected}
     */
    AuthOutcome authenticate(HttpServletRequest request);
}

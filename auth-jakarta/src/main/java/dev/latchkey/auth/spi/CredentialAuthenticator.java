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
 * decides, and its failure is final.
 */
public interface CredentialAuthenticator {

    /**
     * Request attribute holding a {@code Map<String, String>} of headers to add to the response after a successful
     * authentication (for example {@code RateLimit-Remaining}).
     */
    String RESPONSE_HEADERS_ATTRIBUTE = "dev.latchkey.response-headers";

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
     * {@code header:X-API-Key}; empty when it carries none. Must be cheap (no validation): the chain uses it to refuse
     * requests that present two different credentials.
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
     * Resolves, validates and maps the credential.
     *
     * @return {@link AuthOutcome.NoCredential} when the request carries none of this kind; never {@code null}
     * @throws dev.latchkey.auth.error.AuthenticationFailure for a rejected credential or a failed dependency; the
     *                                                       chain treats it like {@link AuthOutcome.Rejected}
     */
    AuthOutcome authenticate(HttpServletRequest request);
}

package dev.latchkey.auth.spi;

import jakarta.security.enterprise.credential.Credential;

import java.util.Optional;

/**
 * Finds one kind's credential in a request. Parsing only: validation is the identity stores' job.
 *
 * @param <C> the credential handed to the identity stores
 */
public interface CredentialResolver<C extends Credential> {

    /** Prefix of a {@link #source} in the query string, e.g. {@code query:api_key}. */
    String QUERY_SOURCE = "query:";

    /**
     * Where the request carries this kind's credential, e.g. {@code header:Authorization}, {@code header:X-API-Key},
     * or {@link #QUERY_SOURCE} and a parameter name for one in the URL (which {@link #resolve} must refuse); empty
     * when it carries none. Cheap and never throws: the chain asks every kind once per request, to refuse a request
     * that presents two different credentials. Two kinds that read the same credential report the same source.
     */
    Optional<String> source(CredentialRequest request);

    /**
     * @return the credential, or empty when the request carries none of this kind
     * @throws dev.latchkey.auth.error.AuthenticationFailure 400 for a malformed, misplaced or repeated credential
     */
    Optional<C> resolve(CredentialRequest request);
}

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
     *
     * <p>The chain then calls {@link #resolve} only on the kinds that reported a source: this MUST be non-empty for
     * every request on which {@code resolve} would return a credential <em>or throw</em> (a credential in the URL, a
     * repeated or malformed one), or that credential is never seen and that refusal never made.
     */
    Optional<String> source(CredentialRequest request);

    /**
     * @return the credential, or empty when the request carries none of this kind
     * @throws dev.latchkey.auth.error.AuthenticationFailure 400 for a malformed, misplaced or repeated credential
     */
    Optional<C> resolve(CredentialRequest request);
}

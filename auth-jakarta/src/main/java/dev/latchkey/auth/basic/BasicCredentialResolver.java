package dev.latchkey.auth.basic;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.request.BasicCredentials;
import dev.latchkey.auth.spi.CredentialRequest;
import dev.latchkey.auth.spi.CredentialResolver;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Resolves an HTTP Basic credential (RFC 7617 §2) from the request's parsed {@code Authorization} header, decoded
 * once by {@link BasicCredentials} (base64, strict UTF-8, split at the first colon, no control characters).
 *
 * <p>Malformed base64, malformed UTF-8, a missing colon, an empty user-id or one longer than
 * {@value UserFile#MAX_USERNAME_LENGTH} characters are 400 {@code invalid_request}. A user-id starting with an API-key
 * prefix ({@code latchkey.api-key.prefixes}) is an API key sent Stripe-style, not a user credential: the resolver
 * returns empty and leaves it to the API-key kind.
 */
public final class BasicCredentialResolver implements CredentialResolver<UsernamePasswordCredential> {

    public static final String SOURCE = "header:" + CredentialRequest.AUTHORIZATION;

    private final List<String> apiKeyPrefixes;

    public BasicCredentialResolver(List<String> apiKeyPrefixes) {
        this.apiKeyPrefixes = List.copyOf(apiKeyPrefixes);
    }

    /**
     * {@link #SOURCE} when the {@code Authorization} header uses the Basic scheme; nothing decoded. A Basic header
     * whose user-id is an API key reports the same source as the API-key resolver, so the chain sees one credential.
     */
    @Override
    public Optional<String> source(CredentialRequest request) {
        return request.authorization(AuthScheme.BASIC).map(a -> SOURCE);
    }

    /**
     * @return the credential, or empty when the request has no Basic {@code Authorization} header or the user-id is an
     * API key; the caller clears the returned credential after use
     * @throws AuthenticationFailure 400 for a malformed credential
     */
    @Override
    public Optional<UsernamePasswordCredential> resolve(CredentialRequest request) {
        Optional<BasicCredentials> basic = request.basic();
        if (basic.isEmpty()) {
            return Optional.empty();
        }
        BasicCredentials.Problem problem = basic.get().problem().orElse(null);
        if (problem != null) {
            throw malformed(problem.description(), problem.reason());
        }
        String username = basic.get().userId().orElseThrow();
        if (apiKeyPrefixes.stream().anyMatch(username::startsWith)) {
            return Optional.empty();
        }
        if (username.length() > UserFile.MAX_USERNAME_LENGTH) {
            // Refused before it becomes a lockout counter key or reaches an identity store.
            throw malformed("Basic user-id longer than " + UserFile.MAX_USERNAME_LENGTH + " characters",
                    "basic_user_too_long");
        }
        char[] password = basic.get().password().orElseThrow();
        try {
            return Optional.of(new UsernamePasswordCredential(username, new Password(password)));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static AuthenticationFailure malformed(String description, String reason) {
        return new AuthenticationFailure(AuthError.invalidRequest(AuthScheme.BASIC, description, reason));
    }
}

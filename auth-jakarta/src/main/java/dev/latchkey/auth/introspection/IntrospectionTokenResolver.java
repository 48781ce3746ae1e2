package dev.latchkey.auth.introspection;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.request.Authorization;
import dev.latchkey.auth.spi.CredentialRequest;
import dev.latchkey.auth.spi.CredentialResolver;

import java.util.List;
import java.util.Optional;

/**
 * Finds a token for introspection: {@code Authorization: Bearer <token>} (RFC 6750 §2.1) whose token is opaque (not
 * a JWT) or any token with {@code latchkey.introspection.tokens=all}; never an API key ({@code
 * latchkey.api-key.prefixes}), never the query string (an {@code access_token} parameter is 400).
 */
public final class IntrospectionTokenResolver implements CredentialResolver<IntrospectionCredential> {

    private static final String SOURCE = "header:" + CredentialRequest.AUTHORIZATION;
    private static final String ACCESS_TOKEN = "access_token";

    private final boolean allTokens;
    private final List<String> apiKeyPrefixes;

    public IntrospectionTokenResolver(boolean allTokens, List<String> apiKeyPrefixes) {
        this.allTokens = allTokens;
        this.apiKeyPrefixes = List.copyOf(apiKeyPrefixes);
    }

    @Override
    public Optional<String> source(CredentialRequest request) {
        if (request.hasQueryParameter(ACCESS_TOKEN)) {
            return Optional.of(QUERY_SOURCE + ACCESS_TOKEN); // refused by resolve
        }
        return presented(request).map(a -> SOURCE);
    }

    @Override
    public Optional<IntrospectionCredential> resolve(CredentialRequest request) {
        if (request.hasQueryParameter(ACCESS_TOKEN)) {
            throw badRequest("access tokens are not accepted in the query string", "token_in_query");
        }
        return presented(request).map(presented -> new IntrospectionCredential(presented.token68()
                .orElseThrow(() -> badRequest("malformed bearer token", "bearer_token_syntax"))));
    }

    /** The Bearer credential when it is this kind's (a token without one, malformed: this kind's 400). */
    private Optional<Authorization> presented(CredentialRequest request) {
        return request.authorization(AuthScheme.BEARER).filter(a -> a.token68()
                .map(t -> TokenShape.introspected(t, allTokens) && apiKeyPrefixes.stream().noneMatch(t::startsWith))
                .orElse(false));
    }

    private static AuthenticationFailure badRequest(String description, String reason) {
        return new AuthenticationFailure(AuthError.invalidRequest(AuthScheme.BEARER, description, reason));
    }
}

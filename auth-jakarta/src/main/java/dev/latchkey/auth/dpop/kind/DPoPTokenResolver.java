package dev.latchkey.auth.dpop.kind;

import dev.latchkey.auth.dpop.ProofRequest;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.spi.CredentialRequest;
import dev.latchkey.auth.spi.CredentialResolver;

import java.util.Optional;

/**
 * Finds {@code Authorization: DPoP <token>} (RFC 9449 §7.1: token68) with the request's {@code DPoP} proof lines and
 * effective URI ({@link ProofRequest}, behind {@link TrustedProxies} only). {@code DPoP} without a token or with a
 * malformed one is 400; an {@code access_token} query parameter is 400 (never in the URL).
 */
public final class DPoPTokenResolver implements CredentialResolver<DPoPCredential> {

    private static final String SOURCE = "header:" + CredentialRequest.AUTHORIZATION;

    private final TrustedProxies proxies;

    public DPoPTokenResolver(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public Optional<String> source(CredentialRequest request) {
        return request.authorization(AuthScheme.DPOP).map(a -> SOURCE);
    }

    @Override
    public Optional<DPoPCredential> resolve(CredentialRequest request) {
        if (request.authorization(AuthScheme.DPOP).isEmpty()) {
            return Optional.empty();
        }
        if (request.hasQueryParameter("access_token")) {
            throw badRequest("access tokens are not accepted in the query string", "token_in_query");
        }
        String token = request.authorization(AuthScheme.DPOP).flatMap(a -> a.token68())
                .orElseThrow(() -> badRequest("malformed DPoP token", "dpop_token_syntax"));
        return Optional.of(new DPoPCredential(token, ProofRequest.of(request.servlet(), proxies)));
    }

    private static AuthenticationFailure badRequest(String description, String reason) {
        return new AuthenticationFailure(AuthError.invalidRequest(AuthScheme.DPOP, description, reason));
    }
}

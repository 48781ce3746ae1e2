package dev.latchkey.auth.jwt;

import dev.latchkey.auth.cert.ClientCertificateResolver;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.jwt.config.JwtSettings;
import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.request.Authorization;
import dev.latchkey.auth.spi.CredentialRequest;
import dev.latchkey.auth.spi.CredentialResolver;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the bearer token of a request (RFC 6750 §2) and the client certificate it may be bound to (RFC 8705 §3):
 * <ul>
 *   <li>{@code Authorization: Bearer <token>} (the one parsed {@link Authorization} header), or the header or cookie
 *   named by {@code mp.jwt.token.header} / {@code mp.jwt.token.cookie} (MicroProfile JWT 2.1 §9.3);</li>
 *   <li>never the query string (RFC 6750 §2.3 is a "SHOULD NOT"; RFC 9700 §2.4 forbids it): an {@code access_token}
 *   query parameter is 400 {@code invalid_request};</li>
 *   <li>a Bearer value starting with an API-key prefix ({@code latchkey.api-key.prefixes}) is not a JWT: empty, so
 *   the API-key kind takes it; so is one the introspection kind takes (an opaque token, RFC 7662);</li>
 *   <li>{@code Bearer} without a token, or a token outside the RFC 6750 §2.1 {@code b64token} (token68) syntax, is
 *   400.</li>
 * </ul>
 * The certificate is the TLS client certificate, or the one a trusted TLS-terminating proxy forwarded
 * ({@link ClientCertificateResolver}); a forwarded certificate it refuses fails the token's request with the Bearer
 * scheme (RFC 7235 §3.1).
 */
public final class BearerTokenResolver implements CredentialResolver<JwtCredential> {

    private static final String ACCESS_TOKEN = "access_token";

    private final String header;
    private final boolean fromAuthorization;
    private final boolean fromCookie;
    private final String cookie;
    private final List<String> apiKeyPrefixes;
    private final ClientCertificateResolver certificates;
    private final Predicate<String> othersToken;

    /** @param othersToken Bearer values another kind takes (the introspection kind's opaque tokens) */
    public BearerTokenResolver(JwtSettings settings, ClientCertificateResolver certificates,
                               Predicate<String> othersToken) {
        this.header = settings.tokenHeader();
        this.fromAuthorization = header.equalsIgnoreCase(CredentialRequest.AUTHORIZATION);
        this.fromCookie = settings.fromCookie();
        this.cookie = settings.tokenCookie();
        this.apiKeyPrefixes = settings.apiKeyPrefixes();
        this.certificates = certificates;
        this.othersToken = othersToken;
    }

    /**
     * Where the request carries a JWT bearer credential; cheap and never throws. An {@code access_token} in the URL is
     * reported as {@code query:access_token}, which {@link #resolve} refuses.
     */
    @Override
    public Optional<String> source(CredentialRequest request) {
        if (request.hasQueryParameter(ACCESS_TOKEN)) {
            return Optional.of(QUERY_SOURCE + ACCESS_TOKEN);
        }
        if (fromCookie) {
            // one cleared cookie is none (fromCookie); two, even empty, are refused
            List<String> values = cookieValues(request.servlet());
            return values.isEmpty() || values.size() == 1 && values.get(0).isEmpty() ? Optional.empty()
                    : Optional.of("cookie:" + cookie);
        }
        return presented(request).map(token -> "header:" + header);
    }

    @Override
    public Optional<JwtCredential> resolve(CredentialRequest request) {
        return token(request).map(token -> new JwtCredential(token, certificate(request.servlet())));
    }

    /**
     * @return the token, or empty when the request carries no JWT bearer credential
     * @throws AuthenticationFailure 400 {@code invalid_request} for a malformed or misplaced token
     */
    public Optional<String> token(CredentialRequest request) {
        if (request.hasQueryParameter(ACCESS_TOKEN)) {
            throw badRequest("access tokens are not accepted in the query string", "token_in_query");
        }
        if (fromCookie) {
            return fromCookie(request.servlet());
        }
        return presented(request).map(presented -> {
            if (presented.form() == Authorization.Form.NONE) {
                throw badRequest("Bearer credential without a token", "bearer_token_missing");
            }
            return presented.token68()
                    .orElseThrow(() -> badRequest("malformed bearer token", "bearer_token_syntax"));
        });
    }

    /**
     * The bearer credential in the configured header, unchecked: empty when the header is absent, carries another
     * {@code Authorization} scheme or an API key. A custom header may also carry the bare token.
     */
    private Optional<Authorization> presented(CredentialRequest request) {
        Optional<Authorization> value;
        if (fromAuthorization) {
            value = request.authorization(AuthScheme.BEARER);
        } else {
            String raw = request.servlet().getHeader(header);
            if (raw == null) {
                return Optional.empty();
            }
            value = Authorization.parse(raw).filter(a -> a.hasScheme(AuthScheme.BEARER))
                    .or(() -> Optional.of(Authorization.parse(AuthScheme.BEARER + " " + raw).orElseThrow()));
        }
        return value.filter(v -> v.token68().filter(t -> isApiKey(t) || othersToken.test(t)).isEmpty());
    }

    private Optional<String> fromCookie(HttpServletRequest request) {
        List<String> values = cookieValues(request);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw badRequest("more than one token cookie", "duplicate_token_cookie");
        }
        if (values.get(0).isEmpty()) {
            // A cleared cookie (e.g. after logout) carries no credential: 401 where one is required, not 400.
            return Optional.empty();
        }
        if (!Authorization.isToken68(values.get(0))) {
            throw badRequest("malformed bearer token", "bearer_token_syntax");
        }
        return Optional.of(values.get(0));
    }

    private List<String> cookieValues(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Cookie c : cookies) {
            if (cookie.equals(c.getName())) {
                values.add(c.getValue() == null ? "" : c.getValue().trim());
            }
        }
        return values;
    }

    /** RFC 8705 §3: the certificate of the TLS connection, or the one a trusted TLS-terminating proxy forwarded. */
    private X509Certificate certificate(HttpServletRequest request) {
        try {
            return certificates.certificate(request).orElse(null);
        } catch (AuthenticationFailure refused) {
            throw new AuthenticationFailure(refused.error().withScheme(AuthScheme.BEARER));
        }
    }

    private boolean isApiKey(String token) {
        for (String prefix : apiKeyPrefixes) {
            if (token.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static AuthenticationFailure badRequest(String description, String reason) {
        return new AuthenticationFailure(AuthError.invalidRequest(AuthScheme.BEARER, description, reason));
    }
}

package dev.latchkey.auth.jwt;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.jwt.config.JwtSettings;
import jakarta.servlet.http.Cookie;
import dev.latchkey.auth.request.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the bearer token of a request (RFC 6750 §2):
 * <ul>
 *   <li>{@code Authorization: Bearer <token>} (scheme case-insensitive, RFC 7235 §2.1), or the header or cookie named
 *   by {@code mp.jwt.token.header} / {@code mp.jwt.token.cookie} (MicroProfile JWT 2.1 §9.3);</li>
 *   <li>never the query string (RFC 6750 §2.3 is a "SHOULD NOT"; RFC 9700 §2.4 forbids it): an {@code access_token}
 *   query parameter is 400 {@code invalid_request};</li>
 *   <li>a Bearer value starting with an API-key prefix ({@code latchkey.api-key.prefixes}) is not a JWT: empty, so
 *   the API-key authenticator takes it;</li>
 *   <li>{@code Bearer} without a token, or a token outside the RFC 6750 §2.1 {@code b64token} syntax, is 400.</li>
 * </ul>
 * Plain logic: construct it with the settings (the CDI wiring lives in {@link JwtAuthenticator}).
 */
public class BearerTokenResolver {

    static final String AUTHORIZATION = "Authorization";
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final String SCHEME = "Bearer";

    private final String header;
    private final boolean fromCookie;
    private final String cookie;
    private final List<String> apiKeyPrefixes;

    public BearerTokenResolver(JwtSettings settings) {
        this.header = settings.tokenHeader();
        this.fromCookie = settings.fromCookie();
        this.cookie = settings.tokenCookie();
        this.apiKeyPrefixes = settings.apiKeyPrefixes();
    }

    /**
     * @return the token, or empty when the request carries no JWT bearer credential
     * @throws AuthenticationFailure 400 {@code invalid_request} for a malformed or misplaced token
     */
    public Optional<String> resolve(HttpServletRequest request) {
        if (QueryParameters.hasName(request, "access_token")) {
            throw badRequest("access tokens are not accepted in the query string", "token_in_query");
        }
        if (fromCookie) {
            return fromCookie(request);
        }
        return headerToken(request).map(token -> {
            if (token.isEmpty()) {
                throw badRequest("Bearer credential without a token", "bearer_token_missing");
            }
            return checkSyntax(token);
        });
    }

    /** Where the request carries a JWT bearer credential; cheap and never throws. */
    public Optional<String> source(HttpServletRequest request) {
        if (fromCookie) {
            return cookieValues(request).stream().allMatch(String::isEmpty) ? Optional.empty()
                    : Optional.of("cookie:" + cookie);
        }
        return headerToken(request).map(token -> "header:" + header);
    }

    /**
     * The token in the configured header, unchecked: empty when the header is absent, carries another
     * {@code Authorization} scheme or an API key; {@code ""} when {@code Bearer} (or a custom header) has no token.
     */
    private Optional<String> headerToken(HttpServletRequest request) {
        String value = request.getHeader(header);
        if (value == null) {
            return Optional.empty();
        }
        value = value.trim();
        String token;
        if (startsWithScheme(value)) {
            token = value.substring(SCHEME.length()).trim();
        } else if (value.equalsIgnoreCase(SCHEME)) {
            token = "";
        } else if (header.equalsIgnoreCase(AUTHORIZATION)) {
            return Optional.empty();
        } else {
            token = value;
        }
        return isApiKey(token) ? Optional.empty() : Optional.of(token);
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
        return Optional.of(checkSyntax(values.get(0)));
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

    private static boolean startsWithScheme(String value) {
        return value.length() > SCHEME.length() && value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && value.charAt(SCHEME.length()) == ' ';
    }

    private boolean isApiKey(String token) {
        return !token.isEmpty() && apiKeyPrefixes.stream().anyMatch(token::startsWith);
    }

    private static String checkSyntax(String token) {
        if (!B64TOKEN.matcher(token).matches()) {
            throw badRequest("malformed bearer token", "bearer_token_syntax");
        }
        return token;
    }

    private static AuthenticationFailure badRequest(String description, String reason) {
        return new AuthenticationFailure(AuthError.invalidRequest(SCHEME, description, reason));
    }
}

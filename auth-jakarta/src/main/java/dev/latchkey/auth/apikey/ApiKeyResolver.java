package dev.latchkey.auth.apikey;

import dev.latchkey.auth.apikey.format.ApiKeyFormat;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.request.ClientAddress;
import dev.latchkey.auth.request.QueryParameters;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.spi.CredentialAuthenticator;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Finds the API key in a request. Accepted: the {@code X-API-Key} header (name configurable),
 * {@code Authorization: Bearer <key>} when the token carries a key prefix (RFC 6750 §2.1), and, when enabled,
 * {@code Authorization: Basic} with the key as user name and an empty password (RFC 7617 §2, Stripe style).
 *
 * <p>Refused with 400 {@code invalid_request}: a key in the query string (RFC 6750 §2.3 discourages it; URLs end up
 * in logs and histories), reported through the exposure hook with the key id only; and more than one key in one
 * request (RFC 6750 §2: one method per request). Only the query string is inspected, never a form body.
 *
 * <p>In the query string, any parameter whose value starts with a key prefix is a key; so is any non-empty value of
 * a parameter named in {@code latchkey.api-key.query-parameters} ({@code api_key}, {@code apikey}, {@code api-key}),
 * which only a client trying to send a key in the URL would use. Generic names ({@code key}) are not refused unless
 * their value looks like a key: {@code GET /public?key=abc} stays an ordinary request. A refused URL fails the
 * request, and is reported as an exposure, even when the request also carries another credential (e.g. a JWT):
 * the chain lets the URL's refusal win over the conflict.
 */
public final class ApiKeyResolver {

    private static final String AUTHORIZATION = "Authorization";
    private static final String SCHEME = "Bearer";

    private final ApiKeyFormat format;
    private final String header;
    private final boolean basicEnabled;
    private final Set<String> queryParameterNames;
    private final Consumer<ApiKeyExposed> exposures;
    private final TrustedProxies trustedProxies;

    /** Believes no forwarding header: the exposing client is the TCP peer. */
    public ApiKeyResolver(ApiKeyFormat format, ApiKeySettings settings, Consumer<ApiKeyExposed> exposures) {
        this(format, settings, TrustedProxies.NONE, exposures);
    }

    /** @param trustedProxies whose {@code X-Forwarded-For} names the client of an exposure ({@link ClientAddress}) */
    public ApiKeyResolver(ApiKeyFormat format, ApiKeySettings settings, TrustedProxies trustedProxies,
                          Consumer<ApiKeyExposed> exposures) {
        this.format = format;
        this.header = settings.header();
        this.basicEnabled = settings.basicEnabled();
        this.queryParameterNames = settings.queryParameterNames().stream()
                .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.exposures = exposures;
        this.trustedProxies = trustedProxies;
    }

    /** Cheap: where a key is, without validating it; {@code query:<name>} for a key-looking value in the URL. */
    public Optional<String> credentialSource(HttpServletRequest request) {
        List<String> sources = headerSources(request);
        if (!sources.isEmpty()) {
            return Optional.of(sources.get(0));
        }
        return QueryParameters.of(request).stream().filter(p -> format.looksLikeKey(p.value()))
                .map(p -> CredentialAuthenticator.QUERY_SOURCE + p.name()).findFirst();
    }

    /**
     * @return the key, or empty when the request carries none
     * @throws AuthenticationFailure 400 for a key in the URL, two keys, or a malformed header
     */
    public Optional<ResolvedApiKey> resolve(HttpServletRequest request) {
        rejectQueryKeys(request);
        List<ResolvedApiKey> found = new ArrayList<>();
        List<String> apiKeyHeaders = values(request.getHeaders(header));
        if (apiKeyHeaders.size() > 1) {
            throw invalidRequest("more than one " + header + " header", "api_key_duplicate");
        }
        apiKeyHeaders.forEach(v -> found.add(new ResolvedApiKey(v.trim(), "header:" + header)));
        fromAuthorization(request).ifPresent(found::add);
        if (found.size() > 1) {
            throw invalidRequest("more than one API key presented: use exactly one", "api_key_duplicate");
        }
        if (found.size() == 1 && found.get(0).key().isEmpty()) {
            throw invalidRequest("empty " + header + " header", "api_key_empty");
        }
        return found.stream().findFirst();
    }

    private Optional<ResolvedApiKey> fromAuthorization(HttpServletRequest request) {
        List<String> values = values(request.getHeaders(AUTHORIZATION));
        if (values.size() != 1) {
            return Optional.empty(); // none, or several: the chain refuses duplicates
        }
        String value = values.get(0).trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = value.substring(0, space);
        String rest = value.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer") && format.looksLikeKey(rest)) {
            return Optional.of(new ResolvedApiKey(rest, "header:" + AUTHORIZATION));
        }
        if (basicEnabled && scheme.equalsIgnoreCase("Basic")) {
            return basicUser(rest);
        }
        return Optional.empty();
    }

    /** RFC 7617 §2: base64(user-id ":" password); ours only when the user id is a key. */
    private Optional<ResolvedApiKey> basicUser(String token68) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(token68), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not ours to judge: the Basic authenticator reports malformed credentials
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        if (!format.looksLikeKey(user)) {
            return Optional.empty();
        }
        if (colon < 0 || colon != decoded.length() - 1) {
            throw invalidRequest("send the API key as the Basic user name with an empty password", "api_key_basic_password");
        }
        return Optional.of(new ResolvedApiKey(user, "header:" + AUTHORIZATION));
    }

    private List<String> headerSources(HttpServletRequest request) {
        List<String> sources = new ArrayList<>();
        if (request.getHeader(header) != null) {
            sources.add("header:" + header);
        }
        String auth = request.getHeader(AUTHORIZATION);
        if (auth != null) {
            try {
                if (fromAuthorization(request).isPresent()) {
                    sources.add("header:" + AUTHORIZATION);
                }
            } catch (AuthenticationFailure e) {
                sources.add("header:" + AUTHORIZATION);
            }
        }
        return sources;
    }

    private void rejectQueryKeys(HttpServletRequest request) {
        for (QueryParameters.Parameter p : QueryParameters.of(request)) {
            boolean byName = queryParameterNames.contains(p.name().toLowerCase(Locale.ROOT)) && !p.value().isEmpty();
            if (byName || format.looksLikeKey(p.value())) {
                String keyId = format.keyIdIfValid(p.value()).orElse(null);
                exposures.accept(new ApiKeyExposed(keyId, p.name(), ClientAddress.text(request, trustedProxies),
                        request.getRequestURI(),
                        java.time.Instant.now()));
                throw new AuthenticationFailure(AuthError.invalidRequest(SCHEME, "API keys are not accepted in the URL: "
                        + "send the key in the " + header + " or Authorization header, and rotate this key",
                        "api_key_in_query").withCredentialId(keyId));
            }
        }
    }

    private static List<String> values(Enumeration<String> e) {
        return e == null ? List.of() : Collections.list(e);
    }

    private static AuthenticationFailure invalidRequest(String description, String reason) {
        return new AuthenticationFailure(AuthError.invalidRequest(SCHEME, description, reason));
    }
}

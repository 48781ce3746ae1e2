package dev.latchkey.auth.apikey;

import dev.latchkey.auth.apikey.format.ApiKeyFormat;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.request.Authorization;
import dev.latchkey.auth.request.BasicCredentials;
import dev.latchkey.auth.request.ClientAddress;
import dev.latchkey.auth.request.QueryParameters;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.spi.CredentialRequest;
import dev.latchkey.auth.spi.CredentialResolver;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Finds the API key in a request and parses it (format and checksum, once: a malformed key never reaches an
 * identity store). Accepted: the {@code X-API-Key} header (name configurable),
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
public final class ApiKeyResolver implements CredentialResolver<ApiKeyCredential> {

    private static final String AUTHORIZATION_SOURCE = "header:" + CredentialRequest.AUTHORIZATION;

    private final ApiKeyFormat format;
    private final String header;
    private final boolean basicEnabled;
    private final Set<String> queryParameterNames;
    private final Consumer<ApiKeyExposed> exposures;
    private final TrustedProxies trustedProxies;

    /**
     * @param trustedProxies whose {@code X-Forwarded-For} names the client of an exposure ({@link ClientAddress})
     * @param exposures      told of every key found in a URL ({@link ApiKeyExposures})
     */
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
    @Override
    public Optional<String> source(CredentialRequest request) {
        if (request.servlet().getHeader(header) != null) {
            return Optional.of("header:" + header);
        }
        if (carriesKey(request)) {
            return Optional.of(AUTHORIZATION_SOURCE);
        }
        return QueryParameters.of(request.servlet()).stream().filter(p -> format.looksLikeKey(p.value()))
                .map(p -> QUERY_SOURCE + p.name()).findFirst();
    }

    /**
     * @return the parsed key, or empty when the request carries none
     * @throws AuthenticationFailure 400 for a key in the URL, two keys, or a malformed header; 401 for a malformed key
     */
    @Override
    public Optional<ApiKeyCredential> resolve(CredentialRequest request) {
        return key(request).map(found -> new ApiKeyCredential(format.parse(found.key()), found.source()));
    }

    /** The presented key, unparsed. */
    public Optional<ResolvedApiKey> key(CredentialRequest request) {
        rejectQueryKeys(request.servlet());
        List<ResolvedApiKey> found = new ArrayList<>();
        List<String> apiKeyHeaders = values(request.servlet().getHeaders(header));
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

    /** Whether the {@code Authorization} header carries a key: Bearer, or Basic with the key as user-id. */
    private boolean carriesKey(CredentialRequest request) {
        return request.authorization(AuthScheme.BEARER).flatMap(Authorization::token68).filter(format::looksLikeKey)
                .isPresent() || basicKeyUser(request).isPresent();
    }

    private Optional<ResolvedApiKey> fromAuthorization(CredentialRequest request) {
        Optional<String> bearer = request.authorization(AuthScheme.BEARER).flatMap(Authorization::token68)
                .filter(format::looksLikeKey);
        if (bearer.isPresent()) {
            return Optional.of(new ResolvedApiKey(bearer.get(), AUTHORIZATION_SOURCE));
        }
        return basicKeyUser(request).map(basic -> {
            if (!basic.hasEmptyPassword()) {
                throw invalidRequest("send the API key as the Basic user name with an empty password",
                        "api_key_basic_password");
            }
            return new ResolvedApiKey(basic.userId().orElseThrow(), AUTHORIZATION_SOURCE);
        });
    }

    /** RFC 7617 §2 user-id:password, ours only when enabled and the user-id is a key (Stripe style). */
    private Optional<BasicCredentials> basicKeyUser(CredentialRequest request) {
        return basicEnabled ? request.basic().filter(b -> b.userId().filter(format::looksLikeKey).isPresent())
                : Optional.empty();
    }

    private void rejectQueryKeys(HttpServletRequest request) {
        for (QueryParameters.Parameter p : QueryParameters.of(request)) {
            boolean byName = queryParameterNames.contains(p.name().toLowerCase(Locale.ROOT)) && !p.value().isEmpty();
            if (byName || format.looksLikeKey(p.value())) {
                String keyId = format.keyIdIfValid(p.value()).orElse(null);
                exposures.accept(new ApiKeyExposed(keyId, p.name(), ClientAddress.text(request, trustedProxies),
                        request.getRequestURI(), Instant.now()));
                throw new AuthenticationFailure(AuthError.invalidRequest(AuthScheme.BEARER, "API keys are not accepted"
                        + " in the URL: send the key in the " + header + " or Authorization header, and rotate this"
                        + " key", "api_key_in_query").withCredentialId(keyId));
            }
        }
    }

    private static List<String> values(Enumeration<String> e) {
        return e == null ? List.of() : Collections.list(e);
    }

    private static AuthenticationFailure invalidRequest(String description, String reason) {
        return new AuthenticationFailure(AuthError.invalidRequest(AuthScheme.BEARER, description, reason));
    }
}

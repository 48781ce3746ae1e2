package dev.latchkey.auth.apikey;

import dev.latchkey.auth.apikey.format.ApiKeyFormat;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.request.Authorization;
import dev.latchkey.auth.request.BasicCredentials;
import dev.latchkey.auth.request.ClientAddress;
import dev.latchkey.auth.request.ForwardedProto;
import dev.latchkey.auth.request.QueryParameters;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.spi.CredentialRequest;
import dev.latchkey.auth.spi.CredentialResolver;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code Authorization: Basic} with the key as user name and an empty password (RFC 7617 §2, Stripe style), or with
 * the key split at its last {@code _} into user name (prefix and key id) and password (the secret), Twilio style
 * ({@code -u sk_live_<key id>:<secret>}): the same key, so the same hashing, scopes, rotation and rate limit. A
 * password travels only over TLS (RFC 7617 §4): the key-id form over plain HTTP is 401, before any store sees it.
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
    private final boolean basicKeyIdEnabled;
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
        this.basicKeyIdEnabled = settings.basicKeyIdEnabled();
        this.queryParameterNames = settings.queryParameterNames().stream()
                .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.exposures = exposures;
        this.trustedProxies = trustedProxies;
    }

    /** Cheap: where a key is, without validating it; {@code query:<name>} for a key in the URL ({@link #isQueryKey}). */
    @Override
    public Optional<String> source(CredentialRequest request) {
        // The URL first: a key there is refused (and reported as exposed) whatever else the request carries
        for (QueryParameters.Parameter p : request.query()) {
            if (isQueryKey(p)) {
                return Optional.of(QUERY_SOURCE + p.name());
            }
        }
        if (request.servlet().getHeader(header) != null) {
            return Optional.of("header:" + header);
        }
        if (carriesKey(request)) {
            return Optional.of(AUTHORIZATION_SOURCE);
        }
        return Optional.empty();
    }

    /** A key in the URL: a key-looking value, or any value of a parameter named by {@code query-parameters}. */
    private boolean isQueryKey(QueryParameters.Parameter p) {
        return queryParameterNames.contains(p.name().toLowerCase(Locale.ROOT)) && !p.value().isEmpty()
                || format.looksLikeKey(p.value());
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
        rejectQueryKeys(request);
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
            String user = basic.userId().orElseThrow();
            if (basic.hasEmptyPassword() && basicEnabled) {
                return new ResolvedApiKey(user, AUTHORIZATION_SOURCE);
            }
            if (basic.hasEmptyPassword() || !basicKeyIdEnabled) {
                throw invalidRequest(basicKeyIdEnabled
                        ? "send the key id as the Basic user name and the secret as the password"
                        : "send the API key as the Basic user name with an empty password", "api_key_basic_password");
            }
            char[] secret = basic.password().orElseThrow();
            String whole = user + "_" + new String(secret);
            Arrays.fill(secret, '\0');
            if (!ForwardedProto.isSecure(request.servlet(), trustedProxies)) {
                // the secret crossed the network in clear: the key is to be treated as leaked, like one in a URL
                String keyId = format.keyIdIfValid(whole).orElse(null);
                HttpServletRequest servlet = request.servlet();
                exposures.accept(new ApiKeyExposed(keyId, ApiKeyExposed.BASIC_OVER_HTTP,
                        ClientAddress.text(servlet, trustedProxies), servlet.getRequestURI(), Instant.now()));
                throw new AuthenticationFailure(AuthError.invalidToken(AuthScheme.BEARER,
                        "an API key secret in Basic requires TLS (https)", "tls_required").withCredentialId(keyId));
            }
            return new ResolvedApiKey(whole, AUTHORIZATION_SOURCE);
        });
    }

    /**
     * RFC 7617 §2 user-id:password, ours only when enabled and the user-id is a key (Stripe style) or a key's prefix
     * and id (Twilio style; the key format then checks the whole).
     */
    private Optional<BasicCredentials> basicKeyUser(CredentialRequest request) {
        return basicEnabled || basicKeyIdEnabled
                ? request.basic().filter(b -> b.userId().filter(format::looksLikeKey).isPresent())
                : Optional.empty();
    }

    private void rejectQueryKeys(CredentialRequest credentialRequest) {
        HttpServletRequest request = credentialRequest.servlet();
        for (QueryParameters.Parameter p : credentialRequest.query()) {
            if (isQueryKey(p)) {
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

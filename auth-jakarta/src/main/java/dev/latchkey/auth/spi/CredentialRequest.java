package dev.latchkey.auth.spi;

import dev.latchkey.auth.request.AuthScheme;
import dev.latchkey.auth.request.Authorization;
import dev.latchkey.auth.request.BasicCredentials;
import dev.latchkey.auth.request.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The request as credential kinds see it: the servlet request and its {@code Authorization} header, read and parsed
 * once ({@link Authorization}) for every kind and for the conflict check, with a Basic value decoded at most once
 * ({@link BasicCredentials}) and the query string decoded at most once. One per request; not thread-safe.
 */
public final class CredentialRequest {

    /** The request header carrying credentials (RFC 9110 §11.6.2). */
    public static final String AUTHORIZATION = "Authorization";

    private final HttpServletRequest servlet;
    private final int authorizationCount;
    private final Authorization authorization;
    private BasicCredentials basic;
    private List<QueryParameters.Parameter> query;

    private CredentialRequest(HttpServletRequest servlet, int authorizationCount, Authorization authorization) {
        this.servlet = servlet;
        this.authorizationCount = authorizationCount;
        this.authorization = authorization;
    }

    public static CredentialRequest of(HttpServletRequest request) {
        if (request.getHeader(AUTHORIZATION) == null) {
            return new CredentialRequest(request, 0, null); // most public requests: no list made
        }
        var headers = request.getHeaders(AUTHORIZATION);
        List<String> values = headers == null ? List.of() : Collections.list(headers);
        Authorization parsed = values.size() == 1 ? Authorization.parse(values.get(0)).orElse(null) : null;
        return new CredentialRequest(request, values.size(), parsed);
    }

    public HttpServletRequest servlet() {
        return servlet;
    }

    /** The one {@code Authorization} header, parsed; empty when absent, blank or sent more than once. */
    public Optional<Authorization> authorization() {
        return Optional.ofNullable(authorization);
    }

    /** The {@code Authorization} header when it uses {@code scheme} (case-insensitive). */
    public Optional<Authorization> authorization(String scheme) {
        return authorization != null && authorization.hasScheme(scheme) ? Optional.of(authorization)
                : Optional.empty();
    }

    /**
     * Whether more than one {@code Authorization} credential was sent: two header fields, or two joined into one by
     * a comma ({@link Authorization#folded()}). RFC 9110 §11.6.2 allows one.
     */
    public boolean repeatedAuthorization() {
        return authorizationCount > 1 || authorization != null && authorization.folded();
    }

    /** The query string's parameters, decoded on first use ({@link QueryParameters}; never a form body). */
    public List<QueryParameters.Parameter> query() {
        if (query == null) {
            query = QueryParameters.of(servlet);
        }
        return query;
    }

    /** Whether the query string has a parameter named {@code name} (exactly, after decoding). */
    public boolean hasQueryParameter(String name) {
        for (QueryParameters.Parameter p : query()) {
            if (p.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The decoded {@code Basic} credentials of the {@code Authorization} header, decoded on first use. */
    public Optional<BasicCredentials> basic() {
        if (basic == null) {
            basic = authorization(AuthScheme.BASIC).map(BasicCredentials::decode).orElse(null);
        }
        return Optional.ofNullable(basic);
    }
}

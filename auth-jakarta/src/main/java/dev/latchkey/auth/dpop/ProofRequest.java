package dev.latchkey.auth.dpop;

import dev.latchkey.auth.request.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a DPoP proof is checked against: the request's method, its effective URI and the {@code DPoP} header lines.
 *
 * @param method the HTTP method, case-sensitive (RFC 9110 §9.1)
 * @param htu    the normalized effective request URI ({@link EffectiveRequestUri}); empty when the request's
 *               forwarding headers name no single URI (then no proof matches)
 * @param proofs every {@code DPoP} header line (RFC 9449 §4.3 check 1: at most one)
 */
public record ProofRequest(String method, Optional<String> htu, List<String> proofs) {

    public static final String HEADER = "DPoP";

    public ProofRequest {
        proofs = List.copyOf(proofs);
    }

    public static ProofRequest of(HttpServletRequest request, TrustedProxies proxies) {
        var lines = request.getHeaders(HEADER);
        return new ProofRequest(request.getMethod(), EffectiveRequestUri.of(request, proxies),
                lines == null ? List.of() : Collections.list(lines));
    }

    /** For tests and non-servlet callers: {@code uri} is normalized like the effective request URI. */
    public static ProofRequest of(String method, String uri, List<String> proofs) {
        return new ProofRequest(method, HttpUri.normalize(uri), proofs);
    }
}

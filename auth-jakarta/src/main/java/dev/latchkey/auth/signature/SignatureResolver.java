package dev.latchkey.auth.signature;

import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.spi.CredentialRequest;
import dev.latchkey.auth.spi.CredentialResolver;

import java.util.Optional;

/**
 * Finds an HTTP message signature: a request with {@code Signature-Input} or {@code Signature} carries one (its
 * source is {@code header:Signature}). Nothing is parsed here; the identity store verifies.
 */
public final class SignatureResolver implements CredentialResolver<SignatureCredential> {

    static final String SOURCE = "header:Signature";

    private final TrustedProxies proxies;

    public SignatureResolver(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public Optional<String> source(CredentialRequest request) {
        return present(request) ? Optional.of(SOURCE) : Optional.empty();
    }

    @Override
    public Optional<SignatureCredential> resolve(CredentialRequest request) {
        return present(request)
                ? Optional.of(new SignatureCredential(new ServletRequestComponents(request.servlet(), proxies)))
                : Optional.empty();
    }

    private static boolean present(CredentialRequest request) {
        return request.servlet().getHeader(SignatureFields.SIGNATURE_INPUT) != null
                || request.servlet().getHeader(SignatureFields.SIGNATURE) != null;
    }
}

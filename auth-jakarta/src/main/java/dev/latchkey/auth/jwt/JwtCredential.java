package dev.latchkey.auth.jwt;

import jakarta.security.enterprise.credential.Credential;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * A bearer JWT presented by a request, with the request's TLS client certificate (for certificate-bound tokens,
 * RFC 8705 §3). Identity stores validate it; {@link #toString()} never shows the token.
 */
public final class JwtCredential implements Credential {

    private final String token;
    private final X509Certificate clientCertificate;

    public JwtCredential(String token, X509Certificate clientCertificate) {
        this.token = Objects.requireNonNull(token, "token");
        this.clientCertificate = clientCertificate;
    }

    /** The compact JWT. Secret: do not log it. */
    public String token() {
        return token;
    }

    public Optional<X509Certificate> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    @Override
    public void clear() {
        // Strings cannot be wiped; nothing else to clear.
    }

    @Override
    public String toString() {
        return "JwtCredential[length=" + token.length() + ", clientCertificate=" + (clientCertificate != null) + "]";
    }
}

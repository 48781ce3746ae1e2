package dev.latchkey.auth.cert;

import jakarta.security.enterprise.credential.Credential;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A client's leaf certificate, as presented over TLS or forwarded by a trusted proxy, for validation by an
 * {@code IdentityStore}. Not a secret (the private key never leaves the client), so it is never "cleared".
 */
public record ClientCertificateCredential(X509Certificate certificate) implements Credential {

    public ClientCertificateCredential {
        Objects.requireNonNull(certificate, "certificate");
    }

    /** The serial number in hex: the certificate's id in logs. */
    public String serialHex() {
        return CertificateThumbprints.serialHex(certificate);
    }

    @Override
    public String toString() {
        return "ClientCertificateCredential[serial=" + serialHex() + "]";
    }
}

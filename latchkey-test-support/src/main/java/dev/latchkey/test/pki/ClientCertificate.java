package dev.latchkey.test.pki;

import dev.latchkey.devcerts.DevCertificates.Issued;
import dev.latchkey.test.http.Credential;

import javax.net.ssl.KeyManager;
import java.net.http.HttpRequest;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** A client certificate with its key and issuing CA: as a {@link Credential}, presented in the TLS handshake. */
public record ClientCertificate(Issued issued, X509Certificate issuer) implements Credential {

    public X509Certificate certificate() {
        return issued.certificate();
    }

    @Override
    public void addTo(HttpRequest.Builder request) {
        // presented in the handshake, not in a header
    }

    @Override
    public boolean needsTls() {
        return true;
    }

    @Override
    public Optional<KeyManager[]> clientKeys() {
        return Optional.of(SslContexts.keyManagers(issued.keyPair().getPrivate(), issued.certificate(), issuer));
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "ClientCertificate[" + issued.certificate().getSubjectX500Principal().getName() + "]";
    }
}

package dev.latchkey.auth.cert;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.spi.AbstractCredentialKind;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Client-certificate (mTLS, RFC 8446 §4.3.2 / RFC 8705 §2) authentication, {@value #NAME} in
 * {@code latchkey.mechanisms}: {@link ClientCertificateResolver} finds the leaf certificate,
 * {@link ClientCertificateIdentityStore} (or an application store) validates it.
 *
 * <p>No HTTP challenge scheme exists for TLS certificates, so errors carry none. Not exclusive: a certificate may
 * accompany a certificate-bound token (RFC 8705 §3); put {@code client-cert} after {@code jwt} in
 * {@code latchkey.mechanisms} to let the token decide when both are present.
 */
public final class ClientCertificateKind extends AbstractCredentialKind<ClientCertificateCredential> {

    public static final String NAME = "client-cert";
    private static final System.Logger LOG = System.getLogger(ClientCertificateKind.class.getName());

    private final ClientCertificateResolver resolver;

    public ClientCertificateKind(ClientCertificateResolver resolver) {
        super(NAME, List.of(), resolver);
        this.resolver = resolver;
    }

    /** Warns when certificates forwarded by the trusted proxies will be refused for want of trust anchors. */
    @Override
    public void start() {
        if (resolver.refusesForwarded()) {
            LOG.log(Level.WARNING, "{0} is set but {1} is not: every client certificate the proxies forward is"
                    + " refused", TrustedProxies.PROPERTY, ClientCertificateSettings.TRUST_ANCHORS);
        }
    }




    @Override
    public boolean exclusive() {
        return false;
    }

    @Override
    public Optional<String> credentialId(ClientCertificateCredential credential) {
        return Optional.of(credential.serialHex());
    }

    @Override
    public LatchkeyCaller caller(ClientCertificateCredential credential, CredentialValidationResult valid) {
        return LatchkeyCaller.from(valid, NAME, credential.serialHex(), Map.of("serial", credential.serialHex()));
    }

    @Override
    public AuthError invalid(ClientCertificateCredential credential) {
        return AuthError.invalidToken(null, "client certificate not accepted", "cert_rejected")
                .withCredentialId(credential.serialHex());
    }
}

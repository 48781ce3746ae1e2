package dev.latchkey.auth.cert;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.spi.AuthOutcome;
import dev.latchkey.auth.spi.CredentialAuthenticator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;

import java.lang.System.Logger.Level;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

/**
 * Client-certificate (mTLS, RFC 8446 §4.3.2 / RFC 8705 §2) authentication, mechanism name {@code client-cert}.
 * {@link ClientCertificateResolver} finds the leaf certificate; the {@link IdentityStoreHandler} validates a
 * {@link ClientCertificateCredential} ({@link ClientCertificateIdentityStore} and any application store).
 *
 * <p>No HTTP challenge scheme exists for TLS certificates, so errors carry none. Not exclusive: a certificate may
 * accompany a certificate-bound token (RFC 8705 §3); put {@code client-cert} after {@code jwt} in
 * {@code latchkey.mechanisms} to let the token decide when both are present.
 */
@ApplicationScoped
@Named("client-cert")
public class ClientCertificateAuthenticator implements CredentialAuthenticator {

    public static final String NAME = "client-cert";
    private static final System.Logger LOG = System.getLogger(ClientCertificateAuthenticator.class.getName());

    @Inject
    ClientCertificateResolver resolver;

    @Inject
    IdentityStoreHandler identityStoreHandler;

    /** For CDI. */
    public ClientCertificateAuthenticator() {
    }

    public ClientCertificateAuthenticator(ClientCertificateResolver resolver, IdentityStoreHandler identityStoreHandler) {
        this.resolver = resolver;
        this.identityStoreHandler = identityStoreHandler;
    }

    /**
     * Reads the settings now (bad ones, e.g. an unreadable {@code latchkey.client-cert.trust-anchors}, fail
     * deployment) and warns when certificates forwarded by the trusted proxies will be refused for want of anchors.
     */
    @Override
    public void start() {
        if (resolver.refusesForwarded()) {
            LOG.log(Level.WARNING, "{0} is set but {1} is not: every client certificate the proxies forward is"
                    + " refused", TrustedProxies.PROPERTY, ClientCertificateSettings.TRUST_ANCHORS);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> challengeScheme() {
        return Optional.empty();
    }

    @Override
    public boolean exclusive() {
        return false;
    }

    @Override
    public Optional<String> credentialSource(HttpServletRequest request) {
        return resolver.credentialSource(request);
    }

    @Override
    public AuthOutcome authenticate(HttpServletRequest request) {
        Optional<X509Certificate> cert = resolver.resolve(request);
        if (cert.isEmpty()) {
            return AuthOutcome.NO_CREDENTIAL;
        }
        ClientCertificateCredential credential = new ClientCertificateCredential(cert.get());
        CredentialValidationResult result = identityStoreHandler.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID || result.getCallerPrincipal() == null) {
            return AuthOutcome.rejected(AuthError.invalidToken(null, "client certificate not accepted",
                    "cert_rejected").withCredentialId(credential.serialHex()));
        }
        return AuthOutcome.authenticated(LatchkeyCaller.from(result, NAME, credential.serialHex(),
                Map.of("serial", credential.serialHex())));
    }
}

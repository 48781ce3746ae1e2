package dev.latchkey.auth.jwt;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.cert.ClientCertificateResolver;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.jwt.mapping.JwtCallerMapper;
import dev.latchkey.auth.jwt.validation.JwtRejection;
import dev.latchkey.auth.spi.AuthOutcome;
import dev.latchkey.auth.spi.CredentialAuthenticator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bearer-JWT credential kind ({@code jwt} in {@code latchkey.mechanisms}): resolves the token with
 * {@link BearerTokenResolver}, validates a {@link JwtCredential} through the {@link IdentityStoreHandler} (so
 * application identity stores take part; {@link JwtIdentityStore} is Latchkey's) and returns the caller.
 * Challenges with {@code Bearer} (RFC 6750 §3).
 */
@ApplicationScoped
@Named("jwt")
public class JwtAuthenticator implements CredentialAuthenticator {

    @Inject
    JwtComponents components;

    @Inject
    IdentityStoreHandler identityStoreHandler;

    @Inject
    ClientCertificateResolver clientCertificates;

    private Supplier<BearerTokenResolver> resolver;
    private IdentityStoreHandler handler;
    private ClientCertificateResolver certificates;

    /** For CDI. */
    public JwtAuthenticator() {
    }

    /** Without CDI. */
    public JwtAuthenticator(BearerTokenResolver resolver, IdentityStoreHandler handler,
                            ClientCertificateResolver certificates) {
        this.resolver = () -> resolver;
        this.handler = handler;
        this.certificates = certificates;
    }

    @PostConstruct
    void init() {
        resolver = () -> components.resolver();
        handler = identityStoreHandler;
        certificates = clientCertificates;
    }

    /** Reads and checks the JWT configuration when {@code jwt} is enabled, so bad settings fail deployment. */
    @Override
    public void start() {
        if (components != null) {
            components.settings();
        }
    }

    @Override
    public String name() {
        return JwtCallerMapper.MECHANISM;
    }

    @Override
    public Optional<String> challengeScheme() {
        return Optional.of(JwtRejection.SCHEME);
    }

    @Override
    public Optional<String> credentialSource(HttpServletRequest request) {
        return resolver.get().source(request);
    }

    @Override
    public AuthOutcome authenticate(HttpServletRequest request) {
        Optional<String> token = resolver.get().resolve(request);
        if (token.isEmpty()) {
            return AuthOutcome.NO_CREDENTIAL;
        }
        // RFC 8705 §3: the certificate of the TLS connection, or the one a trusted TLS-terminating proxy forwarded.
        X509Certificate certificate;
        try {
            certificate = certificates.resolve(request).orElse(null);
        } catch (AuthenticationFailure refused) {
            // A refused forwarded certificate fails the token's request: challenge with its scheme (RFC 7235 §3.1)
            throw new AuthenticationFailure(refused.error().withScheme(JwtRejection.SCHEME));
        }
        CredentialValidationResult result = handler.validate(new JwtCredential(token.get(), certificate));
        return switch (result.getStatus()) {
            case VALID -> AuthOutcome.authenticated(LatchkeyCaller.from(result, JwtCallerMapper.MECHANISM, null, Map.of()));
            case INVALID -> AuthOutcome.rejected(AuthError.invalidToken(JwtRejection.SCHEME, "invalid token",
                    "identity_store_invalid"));
            case NOT_VALIDATED -> AuthOutcome.rejected(AuthError.unavailable(
                    "no identity store validates bearer tokens", "no_identity_store").withScheme(JwtRejection.SCHEME));
        };
    }
}

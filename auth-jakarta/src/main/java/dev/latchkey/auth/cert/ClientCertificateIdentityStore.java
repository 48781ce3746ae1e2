package dev.latchkey.auth.cert;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.cert.CertificateCallerMapper.CertificateIdentity;
import dev.latchkey.auth.cdi.Lazy;
import dev.latchkey.auth.error.AuthenticationFailure;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validates a {@link ClientCertificateCredential}: validity period (RFC 5280 §4.1.2.5) against the injected clock, then
 * revocation ({@link CrlRevocationChecker}, when {@code latchkey.client-cert.crl-file} is set), then identity
 * ({@link CertificateCallerMapper}) and groups/scopes ({@link CertificateMappings}). The chain itself was validated by
 * the TLS layer, or, for a forwarded certificate, by {@link ForwardedCertificateValidator}.
 *
 * <p>Refusals are thrown as {@code AuthenticationFailure} (401 {@code invalid_token} without challenge scheme: TLS
 * certificates have no HTTP challenge; 503 when the CRL is unavailable or, by default, past its {@code nextUpdate}),
 * carrying the serial as credential id. Built by {@link ClientCertificateProducers}; its settings are read on the first
 * certificate, so an application that does not use client certificates needs no such configuration.
 */
public class ClientCertificateIdentityStore implements IdentityStore {

    private final Clock clock;
    private final Supplier<Parts> parts;

    /** What the settings configure: caller mapping, grants and revocation (null without a CRL). */
    private record Parts(CertificateCallerMapper mapper, CertificateMappings mappings,
                         CrlRevocationChecker revocation) {

        static Parts of(ClientCertificateSettings settings, Clock clock) {
            return new Parts(new CertificateCallerMapper(settings.principal(), settings.trustDomains()),
                    settings.mappingFile().map(f -> CertificateMappings.load(f, ClientCertificateSettings.MAPPING_FILE))
                            .orElse(CertificateMappings.EMPTY),
                    settings.crlFile().map(f -> new CrlRevocationChecker(f, clock, settings.crlStale())).orElse(null));
        }
    }

    public ClientCertificateIdentityStore(Supplier<ClientCertificateSettings> settings, Clock clock) {
        this.clock = clock;
        this.parts = Lazy.of(() -> Parts.of(settings.get(), clock));
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof ClientCertificateCredential cc)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        X509Certificate cert = cc.certificate();
        String serial = cc.serialHex();
        Parts p = parts.get();
        checkValidity(cert, clock.instant(), serial);
        if (p.revocation() != null) {
            try {
                p.revocation().check(cert);
            } catch (AuthenticationFailure f) {
                throw new AuthenticationFailure(f.error().withCredentialId(serial));
            }
        }
        CertificateIdentity identity = p.mapper().map(cert);
        CertificateMappings.Grant grant = p.mappings().grantFor(identity.name());
        LatchkeyCaller caller = new LatchkeyCaller(identity.name(), ClientCertificateKind.NAME,
                grant.groups(), grant.scopes(), identity.attributes(), serial);
        return new CredentialValidationResult(caller, grant.groups());
    }

    /** RFC 5280 §4.1.2.5: 401 {@code cert_expired} or {@code cert_not_yet_valid} outside the validity period. */
    static void checkValidity(X509Certificate cert, Instant now, String serial) {
        try {
            cert.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw CertificateCallerMapper.reject("client certificate expired", "cert_expired", serial);
        } catch (CertificateNotYetValidException e) {
            throw CertificateCallerMapper.reject("client certificate not yet valid", "cert_not_yet_valid", serial);
        }
    }
}

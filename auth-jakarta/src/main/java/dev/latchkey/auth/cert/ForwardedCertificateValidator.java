package dev.latchkey.auth.cert;

import dev.latchkey.auth.cert.ForwardedCertificates.Forwarded;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a certificate forwarded by a trusted proxy as the TLS layer validates one presented to this server: a
 * PKIX certification path (RFC 5280 §6, JDK {@link CertPathBuilder}) from the leaf to one of the CA certificates in
 * {@code latchkey.client-cert.trust-anchors}, through the intermediates the proxy forwarded (XFCC {@code Chain}),
 * every certificate valid at the injected clock, the leaf an end entity for TLS client authentication (not a CA, not
 * an anchor, the clientAuth extended key usage when it has one); then, when a CRL file is configured, revocation of
 * every certificate of the path (the anchor excepted) with the CRL policy of direct mTLS, except that the file must
 * hold a CRL of each one's issuer ({@link CrlRevocationChecker#checkRequired}). So a proxy that passes on a header a
 * client wrote, or a client that reached a trusted address, still cannot name a certificate no trusted CA issued.
 *
 * <p>Fail closed: without trust anchors every forwarded certificate is refused (401), with a warning naming the
 * property at most once every {@value WarnOnce#INTERVAL_MINUTES} minutes.
 */
final class ForwardedCertificateValidator {

    static final String UNTRUSTED = "forwarded_cert_untrusted";
    static final String NOT_CLIENT = "forwarded_cert_not_client";
    /** RFC 5280 §4.2.1.12: id-kp-clientAuth, and anyExtendedKeyUsage, which the JDK's TLS layer accepts as well. */
    private static final Set<String> CLIENT_EKUS = Set.of("1.3.6.1.5.5.7.3.2", "2.5.29.37.0");
    private static final System.Logger LOG = System.getLogger(ForwardedCertificateValidator.class.getName());

    private final Set<TrustAnchor> anchors;
    private final CrlRevocationChecker revocation;
    private final Clock clock;
    private final WarnOnce warnings = new WarnOnce();

    /**
     * @param anchors    the CAs forwarded certificates must chain to; empty refuses them all
     * @param revocation the CRL checker, or null when no CRL is configured
     */
    ForwardedCertificateValidator(Set<TrustAnchor> anchors, CrlRevocationChecker revocation, Clock clock) {
        this.anchors = Set.copyOf(anchors);
        this.revocation = revocation;
        this.clock = clock;
    }

    static ForwardedCertificateValidator from(ClientCertificateSettings settings, Clock clock) {
        Set<TrustAnchor> anchors = settings.trustAnchors()
                .map(f -> loadAnchors(f, ClientCertificateSettings.TRUST_ANCHORS)).orElse(Set.of());
        CrlRevocationChecker crl = settings.crlFile()
                .map(f -> new CrlRevocationChecker(f, clock, settings.crlStale())).orElse(null);
        return new ForwardedCertificateValidator(anchors, crl, clock);
    }

    boolean hasAnchors() {
        return !anchors.isEmpty();
    }

    /**
     * @throws AuthenticationFailure 401 when no trusted path exists (or none can, for want of anchors), or a
     *                               certificate of the path is revoked; 503 as {@link CrlRevocationChecker#check}
     */
    void validate(Forwarded forwarded) {
        X509Certificate leaf = forwarded.leaf();
        String serial = CertificateThumbprints.serialHex(leaf);
        if (anchors.isEmpty()) {
            if (warnings.first(UNTRUSTED)) {
                LOG.log(Level.WARNING, "refusing forwarded client certificates: {0} is not set (not logged again for"
                        + " {1} minutes)", ClientCertificateSettings.TRUST_ANCHORS, WarnOnce.INTERVAL_MINUTES);
            }
            throw untrusted(serial);
        }
        ClientCertificateIdentityStore.checkValidity(leaf, clock.instant(), serial);
        List<? extends Certificate> path = buildPath(forwarded, serial).getCertPath().getCertificates();
        checkEndEntity(leaf, serial);
        if (revocation != null) {
            for (Certificate c : path) {
                revocation.checkRequired((X509Certificate) c);
            }
        }
    }

    /**
     * The leaf must be a client's certificate, as the TLS layer requires of one presented directly: not a CA
     * (RFC 5280 §4.2.1.9 basic constraints) nor a trust anchor itself, and, when it has the extended key usage
     * extension, usable for TLS client authentication (RFC 5280 §4.2.1.12, RFC 5246 §7.4.6).
     */
    private void checkEndEntity(X509Certificate leaf, String serial) {
        boolean anchor = anchors.stream().anyMatch(a -> leaf.equals(a.getTrustedCert()));
        if (leaf.getBasicConstraints() != -1 || anchor || !clientAuth(leaf)) {
            throw new AuthenticationFailure(AuthError.invalidToken(null,
                    "forwarded certificate is not a client certificate", NOT_CLIENT).withCredentialId(serial));
        }
    }

    private static boolean clientAuth(X509Certificate leaf) {
        try {
            List<String> ekus = leaf.getExtendedKeyUsage();
            return ekus == null || ekus.stream().anyMatch(CLIENT_EKUS::contains);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private PKIXCertPathBuilderResult buildPath(Forwarded forwarded, String serial) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(forwarded.leaf());
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.setRevocationEnabled(false); // the CRL policy below, shared with direct mTLS
            params.setDate(Date.from(clock.instant()));
            List<X509Certificate> candidates = new ArrayList<>(forwarded.intermediates());
            candidates.add(forwarded.leaf());
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(candidates)));
            return (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
        } catch (CertPathBuilderException e) {
            throw untrusted(serial);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX is not available", e);
        }
    }

    private static AuthenticationFailure untrusted(String serial) {
        return new AuthenticationFailure(AuthError.invalidToken(null, "forwarded client certificate not trusted",
                UNTRUSTED).withCredentialId(serial));
    }

    /** The CA certificates of a PEM (or DER) file; unreadable, empty or not certificates fails naming the property. */
    static Set<TrustAnchor> loadAnchors(Path file, String property) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new ConfigurationException(property, "no certificate in " + file);
            }
            Set<TrustAnchor> anchors = new HashSet<>();
            for (Certificate c : certs) {
                anchors.add(new TrustAnchor((X509Certificate) c, null));
            }
            return anchors;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException(property, "cannot read CA certificates from " + file + ": "
                    + e.getMessage(), e);
        }
    }
}

package dev.latchkey.auth.cert;

import dev.latchkey.auth.cert.ClientCertificateSettings.CrlStale;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.file.ReloadingFile;
import dev.latchkey.auth.request.LogSafe;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Revocation by a local CRL file (RFC 5280 §5), PEM or DER, one or more CRLs, reloaded when it changes
 * ({@link ReloadingFile}). A CRL applies to the certificates of its issuer (same issuer DN); of several CRLs of one
 * issuer (a rotation) the newest by {@code thisUpdate} decides. A certificate presented directly whose issuer has no
 * CRL in the file is not checked ({@link #check}); a certificate of a forwarded path whose issuer has none is refused
 * with 503 ({@link #checkRequired}). The file is trusted as the operator's: its signature is not verified here (the
 * CA's key is the TLS trust store's business).
 *
 * <p>Failures: a revoked leaf is 401 {@code certificate revoked}. If the file becomes unreadable or malformed after a
 * good load, the last good CRLs stay in force (logged). If it was never readable, every certificate is refused with
 * 503: revocation cannot be checked, and a dependency failure never authenticates.
 *
 * <p>A CRL past its {@code nextUpdate} (RFC 5280 §5.1.2.5: the date by which the next CRL will be issued) no longer
 * says whether a certificate was revoked since (a CRL without {@code nextUpdate} never goes stale). By default
 * ({@link CrlStale#FAIL}) certificates of its issuer are then refused with 503 {@code crl_stale} (a certificate the
 * stale CRL lists is still 401: revocation is final); with {@link CrlStale#ACCEPT} the stale CRL stays in use.
 * Either way a warning names the issuer, at most once per issuer every {@value WarnOnce#INTERVAL_MINUTES} minutes,
 * never once per request.
 */
public class CrlRevocationChecker {

    /** The audit reason of a forwarded path certificate whose issuer has no CRL in the file (503). */
    static final String MISSING = "crl_missing";

    private static final System.Logger LOG = System.getLogger(CrlRevocationChecker.class.getName());

    private final Path path;
    private final ReloadingFile<List<X509CRL>> file;
    private final Clock clock;
    private final CrlStale stale;
    private final WarnOnce staleWarnings = new WarnOnce();
    private final WarnOnce missingWarnings = new WarnOnce();

    public CrlRevocationChecker(Path file, Clock clock, CrlStale stale) {
        this.path = file;
        this.file = new ReloadingFile<>(file, "CRL file", CrlRevocationChecker::read, null);
        this.clock = clock;
        this.stale = stale;
    }

    /** Fails closed on a stale CRL ({@link CrlStale#FAIL}). */
    public static CrlRevocationChecker failingWhenStale(Path file, Clock clock) {
        return new CrlRevocationChecker(file, clock, CrlStale.FAIL);
    }

    /**
     * Checks a certificate presented directly over TLS: by the newest CRL of its issuer, if the file holds one (the
     * TLS trust store may hold CAs the file has no CRL of).
     *
     * @throws AuthenticationFailure 401 when revoked; 503 when no CRL could ever be loaded, or when the CRL of the
     *                               certificate's issuer is past its {@code nextUpdate} and stale CRLs fail
     */
    public void check(X509Certificate cert) {
        newestOf(cert).ifPresent(crl -> check(cert, crl));
    }

    /**
     * Checks a certificate of a forwarded certification path: its issuer must have a CRL in the file. Fails closed
     * where {@link #check} passes a certificate by: a configured CRL file is meant to cover every path certificate.
     *
     * @throws AuthenticationFailure as {@link #check}; also 503 {@value #MISSING} when the file has no CRL of the
     *                               certificate's issuer
     */
    void checkRequired(X509Certificate cert) {
        X509CRL crl = newestOf(cert).orElse(null);
        if (crl == null) {
            String issuer = cert.getIssuerX500Principal().getName();
            if (missingWarnings.first(issuer)) {
                LOG.log(Level.WARNING, "no CRL of {0} in {1}: refusing forwarded certificates it issued with 503"
                        + " (not logged again for {2} minutes)", LogSafe.value(issuer), path,
                        WarnOnce.INTERVAL_MINUTES);
            }
            throw new AuthenticationFailure(AuthError.unavailable("no certificate revocation list for the issuer",
                    MISSING).withCredentialId(CertificateThumbprints.serialHex(cert)));
        }
        check(cert, crl);
    }

    /**
     * The newest CRL (latest {@code thisUpdate}, RFC 5280 §5.1.2.4) of the certificate's issuer: during a rotation the
     * file may hold the old one too, which neither revokes nor goes stale on the new one's behalf.
     */
    private Optional<X509CRL> newestOf(X509Certificate cert) {
        return current().stream()
                .filter(crl -> crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal()))
                .max(Comparator.comparing(X509CRL::getThisUpdate));
    }

    private void check(X509Certificate cert, X509CRL crl) {
        String serial = CertificateThumbprints.serialHex(cert);
        if (crl.isRevoked(cert)) {
            throw CertificateCallerMapper.reject("certificate revoked", "cert_revoked", serial);
        }
        if (isStale(crl)) {
            warnStale(crl);
            if (stale == CrlStale.FAIL) {
                throw new AuthenticationFailure(AuthError.unavailable("certificate revocation list out of date",
                        "crl_stale").withCredentialId(serial));
            }
        }
    }

    /** A CRL without {@code nextUpdate} announces no date for the next one, so it never goes stale. */
    private boolean isStale(X509CRL crl) {
        return crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(clock.instant());
    }

    private void warnStale(X509CRL crl) {
        String issuer = crl.getIssuerX500Principal().getName();
        if (staleWarnings.first(issuer)) {
            LOG.log(Level.WARNING, "CRL of {0} in {1} is past its nextUpdate ({2}): {3} ({4} = {5}); not logged"
                    + " again for {6} minutes", issuer, path, crl.getNextUpdate().toInstant(),
                    stale == CrlStale.FAIL ? "refusing its certificates with 503" : "still using it",
                    ClientCertificateSettings.CRL_STALE, stale.name().toLowerCase(Locale.ROOT),
                    WarnOnce.INTERVAL_MINUTES);
        }
    }

    List<X509CRL> current() {
        try {
            return file.get();
        } catch (IOException e) {
            throw new AuthenticationFailure(AuthError.unavailable("certificate revocation list unavailable",
                    "crl_unavailable"));
        }
    }

    static List<X509CRL> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends CRL> crls = CertificateFactory.getInstance("X.509").generateCRLs(in);
            if (crls.isEmpty()) {
                throw new IOException("no CRL in file");
            }
            return crls.stream().map(c -> (X509CRL) c).toList();
        } catch (java.security.cert.CRLException | java.security.cert.CertificateException e) {
            throw new IOException("not a CRL: " + e.getMessage(), e);
        }
    }
}

package dev.latchkey.auth.cert;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.file.ReloadingFile;

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
import java.util.List;

/**
 * Revocation by a local CRL file (RFC 5280 §5), PEM or DER, one or more CRLs, reloaded when it changes
 * ({@link ReloadingFile}). A CRL applies to the certificates of its issuer (same issuer DN); others are not checked
 * by it. The file is
 * trusted as the operator's: its signature is not verified here (the CA's key is the TLS trust store's business).
 *
 * <p>Failures: a revoked leaf is 401 {@code certificate revoked}. If the file becomes unreadable or malformed after a
 * good load, the last good CRLs stay in force (logged). If it was never readable, every certificate is refused with
 * 503: revocation cannot be checked, and a dependency failure never authenticates. A CRL past its {@code nextUpdate}
 * is still used, with a warning.
 */
public class CrlRevocationChecker {

    private static final System.Logger LOG = System.getLogger(CrlRevocationChecker.class.getName());

    private final ReloadingFile<List<X509CRL>> file;
    private final Clock clock;

    public CrlRevocationChecker(Path file, Clock clock) {
        this.file = new ReloadingFile<>(file, "CRL file", this::load, null);
        this.clock = clock;
    }

    /**
     * @throws AuthenticationFailure 401 when revoked, 503 when no CRL could ever be loaded
     */
    public void check(X509Certificate cert) {
        for (X509CRL crl : current()) {
            if (crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal()) && crl.isRevoked(cert)) {
                throw CertificateCallerMapper.reject("certificate revoked", "cert_revoked",
                        CertificateThumbprints.serialHex(cert));
            }
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

    private List<X509CRL> load(Path path) throws IOException {
        List<X509CRL> crls = read(path);
        warnIfStale(path, crls);
        return crls;
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

    private void warnIfStale(Path path, List<X509CRL> crls) {
        for (X509CRL crl : crls) {
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(clock.instant())) {
                LOG.log(Level.WARNING, "CRL of {0} in {1} is past its nextUpdate", crl.getIssuerX500Principal(), path);
            }
        }
    }
}

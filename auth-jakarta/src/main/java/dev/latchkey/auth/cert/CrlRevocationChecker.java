package dev.latchkey.auth.cert;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Revocation by a local CRL file (RFC 5280 §5), PEM or DER, one or more CRLs, reloaded when its modification time
 * or size changes (the size catches a replacement within the file system's timestamp granularity). A CRL applies to the certificates of its issuer (same issuer DN); others are not checked by it. The file is
 * trusted as the operator's: its signature is not verified here (the CA's key is the TLS trust store's business).
 *
 * <p>Failures: a revoked leaf is 401 {@code certificate revoked}. If the file becomes unreadable or malformed after a
 * good load, the last good CRLs stay in force (logged). If it was never readable, every certificate is refused with
 * 503: revocation cannot be checked, and a dependency failure never authenticates. A CRL past its {@code nextUpdate}
 * is still used, with a warning.
 */
public class CrlRevocationChecker {

    private static final System.Logger LOG = System.getLogger(CrlRevocationChecker.class.getName());

    private final Path file;
    private final Clock clock;
    private static final Stamp MISSING = new Stamp(FileTime.fromMillis(Long.MIN_VALUE), -1);
    private volatile State state;

    /** What identifies a version of the file. */
    private record Stamp(FileTime modified, long size) {
    }

    private record State(Stamp loadedStamp, List<X509CRL> crls, Stamp failedStamp) {
    }

    public CrlRevocationChecker(Path file, Clock clock) {
        this.file = file;
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
        State s = state;
        Stamp stamp;
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            stamp = new Stamp(attrs.lastModifiedTime(), attrs.size());
        } catch (IOException e) {
            stamp = MISSING; // read() below fails and reports it, once per change
        }
        if (s != null && (stamp.equals(s.loadedStamp()) || stamp.equals(s.failedStamp()))) {
            return usable(s);
        }
        synchronized (this) {
            if (state != s) {
                return usable(state);
            }
            try {
                List<X509CRL> crls = read(file);
                state = new State(stamp, crls, null);
                LOG.log(Level.INFO, "loaded {0} CRL(s) from {1}", crls.size(), file);
                warnIfStale(crls);
                return crls;
            } catch (IOException | RuntimeException e) {
                return failed(s, stamp, e);
            }
        }
    }

    private List<X509CRL> failed(State s, Stamp stamp, Exception e) {
        if (s == null || s.crls() == null) {
            if (s == null || !stamp.equals(s.failedStamp())) {
                LOG.log(Level.ERROR, "CRL file {0} cannot be loaded, refusing client certificates: {1}", file,
                        e.getMessage());
            }
            state = new State(null, null, stamp);
            throw new AuthenticationFailure(AuthError.unavailable("certificate revocation list unavailable",
                    "crl_unavailable"));
        }
        if (!stamp.equals(s.failedStamp())) {
            LOG.log(Level.WARNING, "CRL file {0} cannot be loaded, keeping the last good CRLs: {1}", file,
                    e.getMessage());
        }
        state = new State(s.loadedStamp(), s.crls(), stamp);
        return s.crls();
    }

    private static List<X509CRL> usable(State s) {
        if (s.crls() == null) {
            throw new AuthenticationFailure(AuthError.unavailable("certificate revocation list unavailable",
                    "crl_unavailable"));
        }
        return s.crls();
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

    private void warnIfStale(List<X509CRL> crls) {
        for (X509CRL crl : crls) {
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(clock.instant())) {
                LOG.log(Level.WARNING, "CRL of {0} in {1} is past its nextUpdate", crl.getIssuerX500Principal(), file);
            }
        }
    }
}

package dev.latchkey.auth.cert;

import dev.latchkey.auth.cert.ClientCertificateSettings.CrlStale;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.fixtures.TestPki;
import dev.latchkey.devcerts.DevCertificateFiles;
import dev.latchkey.devcerts.DevCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CrlRevocationCheckerTest {

    @TempDir
    Path dir;

    @Test
    void whenCrlReplacedWithinTheSameTimestampThenReloadedBySize() throws Exception {
        X509Certificate alice = TestPki.spiffe("spiffe://prod.example/alice");
        X509Certificate bob = TestPki.spiffe("spiffe://prod.example/bob");
        Path crl = dir.resolve("ca.crl");
        DevCertificateFiles.writeCrl(crl, DevCertificates.crl(TestPki.CA, Duration.ofDays(7), bob));
        FileTime stamp = Files.getLastModifiedTime(crl);
        long size = Files.size(crl);
        CrlRevocationChecker checker = CrlRevocationChecker.failingWhenStale(crl, Clock.systemUTC());
        assertDoesNotThrow(() -> checker.check(alice));

        DevCertificateFiles.writeCrl(crl, DevCertificates.crl(TestPki.CA, Duration.ofDays(7), bob, alice));
        Files.setLastModifiedTime(crl, stamp); // a replacement within one tick of the file system's clock
        assertNotEquals(size, Files.size(crl));
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> checker.check(alice));
        assertEquals(401, f.error().status());
        assertEquals("cert_revoked", f.error().reason());
    }

    @Test
    void whenCrlPastNextUpdateThen503ByDefaultRevokedStill401AndAcceptedWhenConfigured() throws Exception {
        X509Certificate alice = TestPki.spiffe("spiffe://prod.example/alice");
        X509Certificate bob = TestPki.spiffe("spiffe://prod.example/bob");
        Path crl = dir.resolve("ca.crl");
        DevCertificateFiles.writeCrl(crl, DevCertificates.crl(TestPki.CA, Duration.ofDays(1), bob));
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(2));

        CrlRevocationChecker failing = CrlRevocationChecker.failingWhenStale(crl, later);
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> failing.check(alice));
        assertEquals(503, f.error().status());
        assertEquals("crl_stale", f.error().reason());
        assertEquals("cert_revoked", assertThrows(AuthenticationFailure.class, () -> failing.check(bob))
                .error().reason(), "a stale CRL still proves revocation");
        assertDoesNotThrow(() -> CrlRevocationChecker.failingWhenStale(crl, Clock.systemUTC()).check(alice), "fresh");

        CrlRevocationChecker accepting = new CrlRevocationChecker(crl, later, CrlStale.ACCEPT);
        assertDoesNotThrow(() -> accepting.check(alice));
        assertEquals("cert_revoked", assertThrows(AuthenticationFailure.class, () -> accepting.check(bob))
                .error().reason());
    }

    @Test
    void whenCrlOfAnotherIssuerIsStaleThenItDoesNotMatter() throws Exception {
        Path crl = dir.resolve("other.crl");
        DevCertificateFiles.writeCrl(crl, DevCertificates.crl(DevCertificates.ca("Other CA", Duration.ofDays(1)),
                Duration.ofHours(-1)));
        assertDoesNotThrow(() -> CrlRevocationChecker.failingWhenStale(crl, Clock.systemUTC())
                .check(TestPki.spiffe("spiffe://prod.example/alice")));
    }

    @Test
    void whenTwoCrlsOfOneIssuerThenTheNewestDecides() throws Exception {
        X509Certificate alice = TestPki.spiffe("spiffe://prod.example/alice");
        X509Certificate bob = TestPki.spiffe("spiffe://prod.example/bob");
        Instant now = Instant.now();
        X509CRL fresh = DevCertificates.crl(TestPki.CA, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)),
                bob);
        X509CRL stale = DevCertificates.crl(TestPki.CA, now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        Path newOld = dir.resolve("new-old.crl");
        Path oldNew = dir.resolve("old-new.crl");
        DevCertificateFiles.writeCrl(newOld, fresh, stale);
        DevCertificateFiles.writeCrl(oldNew, stale, fresh);
        for (Path crl : new Path[]{newOld, oldNew}) {
            CrlRevocationChecker checker = CrlRevocationChecker.failingWhenStale(crl, Clock.systemUTC());
            assertDoesNotThrow(() -> checker.check(alice), "the stale CRL was replaced by the fresh one");
            assertEquals("cert_revoked", assertThrows(AuthenticationFailure.class, () -> checker.check(bob))
                    .error().reason());
        }
    }

    @Test
    void whenCrlHasNoNextUpdateThenItNeverGoesStale() throws Exception {
        Path crl = dir.resolve("no-next.crl");
        DevCertificateFiles.writeCrl(crl, DevCertificates.crl(TestPki.CA, Instant.now(), null));
        Clock muchLater = Clock.offset(Clock.systemUTC(), Duration.ofDays(3650));
        assertDoesNotThrow(() -> CrlRevocationChecker.failingWhenStale(crl, muchLater)
                .check(TestPki.spiffe("spiffe://prod.example/alice")));
    }

    @Test
    void whenRequiredAndTheIssuerHasNoCrlThen503ButADirectCheckPasses() throws Exception {
        Path crl = dir.resolve("other-ca.crl");
        DevCertificateFiles.writeCrl(crl, DevCertificates.crl(DevCertificates.ca("Other CA", Duration.ofDays(1)),
                Duration.ofDays(1)));
        CrlRevocationChecker checker = CrlRevocationChecker.failingWhenStale(crl, Clock.systemUTC());
        X509Certificate alice = TestPki.spiffe("spiffe://prod.example/alice");
        assertDoesNotThrow(() -> checker.check(alice));
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> checker.checkRequired(alice));
        assertEquals(503, f.error().status());
        assertEquals(CrlRevocationChecker.MISSING, f.error().reason());
    }
}

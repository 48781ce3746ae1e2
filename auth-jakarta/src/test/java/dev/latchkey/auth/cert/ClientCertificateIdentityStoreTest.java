package dev.latchkey.auth.cert;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.fixtures.MutableClock;
import dev.latchkey.auth.fixtures.TestPki;
import dev.latchkey.devcerts.DevCertificateFiles;
import dev.latchkey.devcerts.DevCertificates;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientCertificateIdentityStoreTest {

    @TempDir
    Path dir;

    private final ClientCertificateSettings settings = ClientCertificateSettings.spiffe("prod.example");
    private final X509Certificate payments = TestPki.spiffe("spiffe://prod.example/ns/payments/sa/api");

    private static CredentialValidationResult validate(ClientCertificateIdentityStore store, X509Certificate cert) {
        return store.validate(new ClientCertificateCredential(cert));
    }

    @Test
    void whenMappedSpiffeIdThenCallerWithGroupsScopesAndSerial() throws Exception {
        Path mapping = dir.resolve("mapping.json");
        Files.writeString(mapping, """
                {"spiffe://prod.example/ns/payments/*": {"groups": ["payments"], "scopes": "payments:read payments:write"}}
                """);
        var store = new ClientCertificateIdentityStore(() -> settings.withMappingFile(mapping), Clock.systemUTC());
        CredentialValidationResult r = validate(store, payments);
        assertEquals(CredentialValidationResult.Status.VALID, r.getStatus());
        assertEquals(Set.of("payments"), r.getCallerGroups());
        LatchkeyCaller caller = assertInstanceOf(LatchkeyCaller.class, r.getCallerPrincipal());
        assertEquals("spiffe://prod.example/ns/payments/sa/api", caller.getName());
        assertEquals("client-cert", caller.mechanism());
        assertEquals(Set.of("payments:read", "payments:write"), caller.scopes());
        assertEquals(payments.getSerialNumber().toString(16), caller.credentialId().orElseThrow());
    }

    @Test
    void whenExpiredOrNotYetValidThen401() {
        Instant now = Instant.parse("2025-06-01T00:00:00Z");
        X509Certificate cert = DevCertificates.leaf(TestPki.CA, "w").uri("spiffe://prod.example/w")
                .validity(now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(10))).issue().certificate();
        MutableClock clock = new MutableClock(now);
        var store = new ClientCertificateIdentityStore(() -> settings, clock);
        assertEquals(CredentialValidationResult.Status.VALID, validate(store, cert).getStatus());

        clock.advance(Duration.ofDays(11));
        assertRejected(store, cert, 401, "cert_expired");
        clock.advance(Duration.ofDays(-30));
        assertRejected(store, cert, 401, "cert_not_yet_valid");
    }

    @Test
    void whenRevokedInCrlThen401AndReloadedWhenCrlChanges() throws Exception {
        Path crl = dir.resolve("ca.crl");
        X509Certificate other = TestPki.spiffe("spiffe://prod.example/other");
        DevCertificateFiles.writeCrl(crl, DevCertificates.crl(TestPki.CA, Duration.ofDays(7), other));
        var store = new ClientCertificateIdentityStore(() -> settings.withCrlFile(crl), Clock.systemUTC());
        assertEquals(CredentialValidationResult.Status.VALID, validate(store, payments).getStatus());
        assertRejected(store, other, 401, "cert_revoked");

        Files.write(crl, DevCertificates.crl(TestPki.CA, Duration.ofDays(7), payments).getEncoded()); // DER now
        Files.setLastModifiedTime(crl, FileTime.from(Instant.now().plusSeconds(10)));
        assertRejected(store, payments, 401, "cert_revoked");
        assertEquals(CredentialValidationResult.Status.VALID, validate(store, other).getStatus());
    }

    @Test
    void whenCrlOfAnotherIssuerThenNotApplied() throws Exception {
        Path crl = dir.resolve("other.crl");
        DevCertificates.Issued otherCa = DevCertificates.ca("Other CA", Duration.ofDays(1));
        DevCertificateFiles.writeCrl(crl, DevCertificates.crl(otherCa, Duration.ofDays(7), payments));
        var store = new ClientCertificateIdentityStore(() -> settings.withCrlFile(crl), Clock.systemUTC());
        assertEquals(CredentialValidationResult.Status.VALID, validate(store, payments).getStatus());
    }

    @Test
    void whenCrlNeverReadableThen503() throws Exception {
        var missing = new ClientCertificateIdentityStore(() -> settings.withCrlFile(dir.resolve("none.crl")),
                Clock.systemUTC());
        assertRejected(missing, payments, 503, "crl_unavailable");
        Path garbage = dir.resolve("garbage.crl");
        Files.writeString(garbage, "not a crl");
        var broken = new ClientCertificateIdentityStore(() -> settings.withCrlFile(garbage), Clock.systemUTC());
        assertRejected(broken, payments, 503, "crl_unavailable");
        assertRejected(broken, payments, 503, "crl_unavailable");
    }

    @Test
    void whenCrlBreaksAfterGoodLoadThenLastGoodKept() throws Exception {
        Path crl = dir.resolve("ca.crl");
        X509Certificate revoked = TestPki.spiffe("spiffe://prod.example/revoked");
        DevCertificateFiles.writeCrl(crl, DevCertificates.crl(TestPki.CA, Duration.ofDays(7), revoked));
        var store = new ClientCertificateIdentityStore(() -> settings.withCrlFile(crl), Clock.systemUTC());
        assertRejected(store, revoked, 401, "cert_revoked");

        Files.writeString(crl, "truncated");
        Files.setLastModifiedTime(crl, FileTime.from(Instant.now().plusSeconds(10)));
        assertRejected(store, revoked, 401, "cert_revoked");
        assertEquals(CredentialValidationResult.Status.VALID, validate(store, payments).getStatus());
        Files.delete(crl);
        assertRejected(store, revoked, 401, "cert_revoked");
    }

    @Test
    void whenOtherCredentialTypeThenNotValidated() {
        var store = new ClientCertificateIdentityStore(() -> settings, Clock.systemUTC());
        assertSame(CredentialValidationResult.NOT_VALIDATED_RESULT,
                store.validate(new UsernamePasswordCredential("a", "b")));
    }

    private static void assertRejected(ClientCertificateIdentityStore store, X509Certificate cert, int status,
                                       String reason) {
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> validate(store, cert));
        assertEquals(status, f.error().status());
        assertEquals(reason, f.error().reason());
        assertEquals(cert.getSerialNumber().toString(16), f.error().credentialId());
    }
}

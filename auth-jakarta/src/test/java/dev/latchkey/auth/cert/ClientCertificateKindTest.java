package dev.latchkey.auth.cert;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.fixtures.FakeRequest;
import dev.latchkey.auth.fixtures.Login;
import dev.latchkey.auth.fixtures.TestPki;
import dev.latchkey.auth.spi.AuthOutcome;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClientCertificateKindTest {

    private final ClientCertificateSettings settings = ClientCertificateSettings.spiffe("prod.example");
    private final ClientCertificateIdentityStore store = new ClientCertificateIdentityStore(() -> settings,
            Clock.systemUTC());
    private final ClientCertificateKind kind = new ClientCertificateKind(
            new ClientCertificateResolver(settings, Clock.systemUTC()));
    private final Login authenticator = new Login(kind, store::validate);

    private static FakeRequest withCert(X509Certificate cert) {
        return FakeRequest.create().attribute(ClientCertificateResolver.SERVLET_ATTRIBUTE, new X509Certificate[]{cert});
    }

    @Test
    void whenValidSpiffeCertificateThenAuthenticated() {
        X509Certificate cert = TestPki.spiffe("spiffe://prod.example/ns/a/sa/b");
        LatchkeyCaller caller = assertInstanceOf(AuthOutcome.Authenticated.class,
                authenticator.authenticate(withCert(cert).build())).caller();
        assertEquals("spiffe://prod.example/ns/a/sa/b", caller.getName());
        assertEquals("client-cert", caller.mechanism());
    }

    @Test
    void whenNoCertificateThenNoCredential() {
        assertEquals(AuthOutcome.NO_CREDENTIAL, authenticator.authenticate(FakeRequest.create().build()));
    }

    @Test
    void whenStoreSaysInvalidThen401WithoutSchemeAndWithSerial() {
        X509Certificate cert = TestPki.cnOnly("x");
        var a = new Login(kind, c -> CredentialValidationResult.INVALID_RESULT);
        AuthError e = assertInstanceOf(AuthOutcome.Rejected.class, a.authenticate(withCert(cert).build())).error();
        assertEquals(401, e.status());
        assertNull(e.scheme());
        assertEquals(cert.getSerialNumber().toString(16), e.credentialId());
    }

    @Test
    void whenApplicationStoreReturnsPlainPrincipalThenCallerBuilt() {
        X509Certificate cert = TestPki.cnOnly("x");
        var a = new Login(kind, c -> new CredentialValidationResult(new CallerPrincipal("app-user"), Set.of("g")));
        LatchkeyCaller caller = assertInstanceOf(AuthOutcome.Authenticated.class,
                a.authenticate(withCert(cert).build())).caller();
        assertEquals("app-user", caller.getName());
        assertEquals(Set.of("g"), caller.groups());
        assertEquals(cert.getSerialNumber().toString(16), caller.credentialId().orElseThrow());
    }

    @Test
    void whenAskedThenNoChallengeAndNotExclusive() {
        assertEquals("client-cert", kind.name());
        assertEquals(List.of(), kind.challengeSchemes());
        assertFalse(kind.exclusive());
    }

    @Test
    void whenNoIdentityStoreValidatesCertificatesThen503NotA401() {
        X509Certificate cert = TestPki.cnOnly("x");
        AuthError e = new Login(kind, c -> CredentialValidationResult.NOT_VALIDATED_RESULT)
                .refused(withCert(cert).build());
        assertEquals(503, e.status());
        assertEquals("no_identity_store", e.reason());
        assertEquals(cert.getSerialNumber().toString(16), e.credentialId());
    }

    @Test
    void whenThumbprintThenBase64UrlSha256OfDer() throws Exception {
        X509Certificate cert = TestPki.cnOnly("x");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        assertEquals(expected, CertificateThumbprints.x5tS256(cert));
        assertEquals(43, expected.length());
    }
}

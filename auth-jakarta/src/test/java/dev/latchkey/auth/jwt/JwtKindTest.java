package dev.latchkey.auth.jwt;

import com.nimbusds.jose.jwk.RSAKey;
import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.cert.ClientCertificateResolver;
import dev.latchkey.auth.cert.ClientCertificateSettings;
import dev.latchkey.auth.cert.ClientCertificateSettings.ForwardedFormat;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.jwt.config.JwtSettings;
import dev.latchkey.auth.fixtures.FakeRequest;
import dev.latchkey.auth.fixtures.Login;
import dev.latchkey.auth.spi.CredentialRequest;
import dev.latchkey.auth.fixtures.TestPki;
import dev.latchkey.auth.jwt.fixtures.TestConfig;
import dev.latchkey.auth.jwt.fixtures.Tokens;
import dev.latchkey.auth.jwt.mapping.JwtCallerMapper;
import dev.latchkey.auth.jwt.revocation.InMemoryJtiDenylist;
import dev.latchkey.auth.jwt.validation.JwtVerifier;
import dev.latchkey.auth.mechanism.AuthOutcome;
import dev.latchkey.test.jwt.TestKeys;
import dev.latchkey.test.time.MutableClock;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwtKindTest {

    private final RSAKey rsa = TestKeys.rsa("rsa-1");
    private final JwtSettings settings = TestConfig.settings(TestConfig.single(rsa.toPublicJWK().toJSONString()));
    private final JwtVerifier verifier = JwtVerifier.of(settings, InMemoryJtiDenylist.of(Clock.systemUTC()),
            new MutableClock(Tokens.NOW));
    private final JwtIdentityStore store = new JwtIdentityStore(() -> verifier, () -> JwtCallerMapper.of(settings));
    private final ClientCertificateResolver certificates = new ClientCertificateResolver(ClientCertificateSettings
            .spiffe().withTrustAnchors(TestPki.caPem())
            .withTrustedProxies(ForwardedFormat.PEM, null, "10.0.0.0/8"), Clock.systemUTC());
    private final JwtKind kind = new JwtKind(new BearerTokenResolver(settings, certificates, t -> false), 1, false);
    private final Login authenticator = authenticator(store::validate);

    private Login authenticator(IdentityStoreHandler handler) {
        return new Login(kind, handler);
    }

    private static String thumbprint(X509Certificate cert) throws Exception {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    }

    private static AuthError rejection(AuthOutcome outcome) {
        return assertInstanceOf(AuthOutcome.Rejected.class, outcome).error();
    }

    @Test
    void whenNameAndSchemeThenJwtAndBearer() {
        assertEquals("jwt", kind.name());
        assertEquals(List.of("Bearer"), kind.challengeSchemes());
        assertTrue(kind.exclusive());
    }

    @Test
    void whenValidTokenThenAuthenticatedCaller() {
        HttpServletRequest request = FakeRequest.create().bearer(Tokens.signedBy(rsa).sign()).build();
        assertEquals(Optional.of("header:Authorization"), kind.resolver().source(CredentialRequest.of(request)));
        LatchkeyCaller caller = assertInstanceOf(AuthOutcome.Authenticated.class, authenticator.authenticate(request))
                .caller();
        assertEquals("alice@example.com", caller.getName());
        assertEquals(Set.of("admin", "user"), caller.groups());
    }

    @Test
    void whenNoTokenThenNoCredential() {
        assertInstanceOf(AuthOutcome.NoCredential.class, authenticator.authenticate(FakeRequest.create().build()));
        assertInstanceOf(AuthOutcome.NoCredential.class,
                authenticator.authenticate(FakeRequest.create().bearer("sk_live_123").build()));
    }

    @Test
    void whenInvalidTokenThenFailureCarriesReasonAndJti() {
        String expired = Tokens.signedBy(rsa).claims(b -> b.expirationTime(java.util.Date.from(Tokens.NOW.minusSeconds(3600))))
                .sign();
        AuthError e = authenticator.refused(FakeRequest.create().bearer(expired).build());
        assertEquals("token_expired", e.reason());
        assertEquals("jti-1", e.credentialId());
        assertFalse(e.toString().contains(expired), "the token never appears in the error");
    }

    @Test
    void whenStoreReturnsInvalidOrNotValidatedThen401Or503() {
        HttpServletRequest request = FakeRequest.create().bearer(Tokens.signedBy(rsa).sign()).build();
        IdentityStoreHandler invalid = c -> CredentialValidationResult.INVALID_RESULT;
        assertEquals(401, rejection(authenticator(invalid).authenticate(request)).status());
        IdentityStoreHandler none = c -> CredentialValidationResult.NOT_VALIDATED_RESULT;
        AuthError unavailable = rejection(authenticator(none).authenticate(request));
        assertEquals(503, unavailable.status());
        assertEquals("no_identity_store", unavailable.reason());
    }

    @Test
    void whenApplicationStoreValidatesThenCallerFromItsResult() {
        IdentityStoreHandler app = c -> new CredentialValidationResult("bob", Set.of("g"));
        HttpServletRequest request = FakeRequest.create().bearer(Tokens.signedBy(rsa).sign()).build();
        LatchkeyCaller caller = assertInstanceOf(AuthOutcome.Authenticated.class,
                authenticator(app).authenticate(request)).caller();
        assertEquals("bob", caller.getName());
        assertEquals(Set.of("g"), caller.groups());
    }

    @Test
    void whenOtherCredentialThenStoreDoesNotValidate() {
        assertEquals(CredentialValidationResult.NOT_VALIDATED_RESULT,
                store.validate(new UsernamePasswordCredential("u", "p")));
        assertEquals(Set.of(IdentityStore.ValidationType.VALIDATE, IdentityStore.ValidationType.PROVIDE_GROUPS),
                store.validationTypes());
    }

    @Test
    void whenCredentialPrintedThenTokenHidden() {
        String token = Tokens.signedBy(rsa).sign();
        assertFalse(new JwtCredential(token, null).toString().contains(token.substring(0, 16)));
    }

    @Test
    void whenCertificateBoundTokenWithMatchingCertificateThenAuthenticated() throws Exception {
        X509Certificate cert = TestPki.selfSigned("client");
        String token = Tokens.signedBy(rsa).claims(b -> b.claim("cnf", Map.of("x5t#S256", thumbprintUnchecked(cert))))
                .sign();
        HttpServletRequest request = FakeRequest.create().bearer(token)
                .attribute("jakarta.servlet.request.X509Certificate", new X509Certificate[]{cert}).build();
        assertInstanceOf(AuthOutcome.Authenticated.class, authenticator.authenticate(request));
    }

    @Test
    void whenCertificateBoundTokenWithoutOrWithOtherCertificateThen401() throws Exception {
        X509Certificate cert = TestPki.selfSigned("client");
        X509Certificate other = TestPki.selfSigned("someone-else");
        String token = Tokens.signedBy(rsa).claims(b -> b.claim("cnf", Map.of("x5t#S256", thumbprintUnchecked(cert))))
                .sign();
        AuthError none = authenticator.refused(FakeRequest.create().bearer(token).build());
        assertEquals("cnf_certificate_missing", none.reason());
        assertEquals(401, none.status());
        AuthError mismatch = authenticator.refused(
                FakeRequest.create().bearer(token)
                        .attribute("jakarta.servlet.request.X509Certificate", new X509Certificate[]{other}).build());
        assertEquals("cnf_certificate_mismatch", mismatch.reason());
        // The cached verification must not skip the binding check either.
        authenticator.refused(FakeRequest.create().bearer(token).build());
    }

    @Test
    void whenCertificateBoundTokenAndCertificateForwardedByTrustedProxyThenAuthenticated() {
        X509Certificate cert = TestPki.cnOnly("client");
        String token = Tokens.signedBy(rsa).claims(b -> b.claim("cnf", Map.of("x5t#S256", thumbprintUnchecked(cert))))
                .sign();
        FakeRequest fake = FakeRequest.create().bearer(token).remoteAddr("10.1.2.3")
                .header("X-SSL-Client-Cert", TestPki.escapedPem(cert));
        assertInstanceOf(AuthOutcome.Authenticated.class, authenticator.authenticate(fake.build()));
        assertEquals(cert, fake.attribute(ClientCertificateResolver.REQUEST_ATTRIBUTE));
    }

    @Test
    void whenCertificateForwardedByUntrustedAddressThenIgnored() {
        X509Certificate cert = TestPki.selfSigned("client");
        String token = Tokens.signedBy(rsa).claims(b -> b.claim("cnf", Map.of("x5t#S256", thumbprintUnchecked(cert))))
                .sign();
        HttpServletRequest request = FakeRequest.create().bearer(token).remoteAddr("192.0.2.7")
                .header("X-SSL-Client-Cert", TestPki.escapedPem(cert)).build();
        AuthError e = authenticator.refused(request);
        assertEquals("cnf_certificate_missing", e.reason());
    }

    @Test
    void whenDpopBoundTokenPresentedAsBearerThen401() {
        String token = Tokens.signedBy(rsa).claims(b -> b.claim("cnf", Map.of("jkt", "abc"))).sign();
        AuthError e = authenticator.refused(FakeRequest.create().bearer(token).build());
        assertEquals("cnf_dpop_as_bearer", e.reason());
        assertEquals("invalid_token", e.error());
        assertEquals("DPoP-bound token must be sent with the DPoP scheme", e.description());
    }

    @Test
    void whenUnknownConfirmationMethodThen401Unsupported() {
        String token = Tokens.signedBy(rsa).claims(b -> b.claim("cnf", Map.of("kid", "k1"))).sign();
        assertEquals("cnf_unsupported", authenticator.refused(FakeRequest.create().bearer(token).build()).reason());
    }

    private static String thumbprintUnchecked(X509Certificate cert) {
        try {
            return thumbprint(cert);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

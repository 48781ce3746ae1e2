package dev.latchkey.auth.cert;

import dev.latchkey.auth.cert.CertificateCallerMapper.CertificateIdentity;
import dev.latchkey.auth.cert.ClientCertificateSettings.PrincipalSource;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.fixtures.TestPki;
import dev.latchkey.devcerts.DevCertificateFiles;
import dev.latchkey.devcerts.DevCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CertificateCallerMapperTest {

    private final CertificateCallerMapper spiffeOnly =
            new CertificateCallerMapper(List.of(PrincipalSource.SPIFFE), Set.of("prod.example"));

    @Test
    void whenSpiffeIdInTrustDomainThenItIsTheCallerWithAttributes() {
        X509Certificate cert = DevCertificates.leaf(TestPki.CA, "api").uri("spiffe://prod.example/ns/payments/sa/api")
                .dns("api.payments.svc").issue().certificate();
        CertificateIdentity id = spiffeOnly.map(cert);
        assertEquals("spiffe://prod.example/ns/payments/sa/api", id.name());
        assertEquals(PrincipalSource.SPIFFE, id.source());
        assertEquals("spiffe://prod.example/ns/payments/sa/api", id.attributes().get("spiffe_id"));
        assertEquals(cert.getSerialNumber().toString(16), id.attributes().get("serial"));
        assertEquals("CN=api,O=Latchkey Dev", id.attributes().get("subject_dn"));
        assertEquals(List.of("api.payments.svc"), id.attributes().get("san_dns"));
        assertEquals(CertificateThumbprints.x5tS256(cert), id.attributes().get("x5t#S256"));
    }

    @Test
    void whenDevCertificateFilesClientsThenSpiffeAndCnMappingsNameThem(@TempDir Path dir) throws Exception {
        DevCertificateFiles.Generated g = DevCertificateFiles.generate(dir, "changeit".toCharArray());
        CertificateCallerMapper spiffe = new CertificateCallerMapper(List.of(PrincipalSource.SPIFFE),
                Set.of(DevCertificateFiles.TRUST_DOMAIN));
        assertEquals(DevCertificateFiles.SPIFFE_ID, spiffe.map(g.spiffeClient().certificate()).name());
        CertificateCallerMapper cn = new CertificateCallerMapper(List.of(PrincipalSource.CN), Set.of());
        assertEquals(DevCertificateFiles.CLIENT_CN, cn.map(g.client().certificate()).name());
    }

    @Test
    void whenTrustDomainNotAllowedThen401() {
        assertRejected(spiffeOnly, TestPki.spiffe("spiffe://evil.example/ns/payments/sa/api"), "spiffe_trust_domain");
    }

    @Test
    void whenSpiffeIdMalformedThen401EvenWithFallback() {
        CertificateCallerMapper withFallback = new CertificateCallerMapper(
                List.of(PrincipalSource.SPIFFE, PrincipalSource.CN), Set.of("prod.example"));
        assertRejected(withFallback, TestPki.spiffe("spiffe://prod.example/ns//x"), "spiffe_id_malformed");
        assertRejected(withFallback, TestPki.spiffe("spiffe://Prod.Example/ns/x"), "spiffe_id_malformed");
        assertRejected(withFallback, TestPki.spiffe("spiffe://prod.example/ns/x?q=1"), "spiffe_id_malformed");
        assertRejected(withFallback, TestPki.spiffe("SPIFFE://prod.example/ns/x"), "spiffe_id_malformed");
    }

    @Test
    void whenTwoSpiffeIdsThen401() {
        X509Certificate cert = DevCertificates.leaf(TestPki.CA, "x").uri("spiffe://prod.example/a")
                .uri("spiffe://prod.example/b").issue().certificate();
        assertRejected(spiffeOnly, cert, "spiffe_id_multiple");
    }

    @Test
    void whenNoSpiffeIdAndStrictDefaultThen401() {
        assertRejected(spiffeOnly, TestPki.cnOnly("batch"), "cert_no_identity");
    }

    @Test
    void whenNoSpiffeIdAndFallbackConfiguredThenNextSourceUsed() {
        CertificateCallerMapper m = new CertificateCallerMapper(
                List.of(PrincipalSource.SPIFFE, PrincipalSource.DNS, PrincipalSource.CN), Set.of("prod.example"));
        CertificateIdentity cn = m.map(TestPki.cnOnly("batch"));
        assertEquals("batch", cn.name());
        assertEquals(PrincipalSource.CN, cn.source());
        assertNull(cn.attributes().get("spiffe_id"));
        X509Certificate dns = DevCertificates.leaf(TestPki.CA, "svc").dns("svc.example").issue().certificate();
        assertEquals("svc.example", m.map(dns).name());
        X509Certificate https = DevCertificates.leaf(TestPki.CA, "web").uri("https://web.example/x").issue()
                .certificate();
        assertEquals("web", m.map(https).name(), "a non-SPIFFE URI SAN is no SPIFFE ID");
    }

    @Test
    void whenCnLooksLikeASpiffeIdThen401InsteadOfThatIdentity() {
        CertificateCallerMapper m = new CertificateCallerMapper(List.of(PrincipalSource.SPIFFE, PrincipalSource.CN),
                Set.of("prod.example"));
        assertRejected(m, TestPki.cnOnly("spiffe://prod.example/ns/payments/sa/api"), "cert_name_ambiguous");
        assertRejected(m, TestPki.cnOnly("SPIFFE://evil.example/x"), "cert_name_ambiguous");
        CertificateCallerMapper cnOnly = new CertificateCallerMapper(List.of(PrincipalSource.CN), Set.of());
        assertRejected(cnOnly, TestPki.cnOnly("spiffe://prod.example/ns/payments/sa/api"), "cert_name_ambiguous");
    }

    @Test
    void whenCnLooksLikeADnThen401InsteadOfThatIdentity() {
        CertificateCallerMapper m = new CertificateCallerMapper(List.of(PrincipalSource.CN, PrincipalSource.DN),
                Set.of());
        assertRejected(m, TestPki.cnOnly("CN=legacy-batch,O=Example"), "cert_name_ambiguous");
        assertEquals("legacy-batch", m.map(TestPki.cnOnly("legacy-batch")).name());
    }

    @Test
    void whenDnSourceThenRfc4514SubjectDn() {
        CertificateCallerMapper m = new CertificateCallerMapper(List.of(PrincipalSource.DN), Set.of());
        assertEquals("CN=batch,O=Latchkey Dev", m.map(TestPki.cnOnly("batch")).name());
    }

    private static void assertRejected(CertificateCallerMapper mapper, X509Certificate cert, String reason) {
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> mapper.map(cert));
        assertEquals(401, f.error().status());
        assertEquals("invalid_token", f.error().error());
        assertNull(f.error().scheme());
        assertEquals(reason, f.error().reason());
        assertEquals(cert.getSerialNumber().toString(16), f.error().credentialId());
    }
}

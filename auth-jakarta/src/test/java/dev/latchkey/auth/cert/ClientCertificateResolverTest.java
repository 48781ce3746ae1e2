package dev.latchkey.auth.cert;

import dev.latchkey.auth.cert.ClientCertificateSettings.ForwardedElement;
import dev.latchkey.auth.cert.ClientCertificateSettings.ForwardedFormat;
import dev.latchkey.auth.basic.LogCapture;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.fixtures.FakeRequest;
import dev.latchkey.auth.spi.CredentialRequest;
import dev.latchkey.auth.fixtures.TestPki;
import dev.latchkey.auth.request.CidrRange;
import dev.latchkey.auth.request.ClientNetwork;
import dev.latchkey.devcerts.DevCertificateFiles;
import dev.latchkey.devcerts.DevCertificates;
import dev.latchkey.devcerts.DevCertificates.Issued;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientCertificateResolverTest {

    private static final X509Certificate ALICE = TestPki.spiffe("spiffe://prod.example/alice");
    private static final X509Certificate BOB = TestPki.spiffe("spiffe://prod.example/bob");
    private static final X509Certificate PROXY = TestPki.cnOnly("proxy");

    private final ClientCertificateSettings base = ClientCertificateSettings.spiffe("prod.example")
            .withTrustAnchors(TestPki.caPem());
    private final ClientCertificateResolver xfcc = new ClientCertificateResolver(
            base.withTrustedProxies(ForwardedFormat.XFCC, null, "10.0.0.0/8", "fd00::/8"), Clock.systemUTC());

    private static String xfccElement(X509Certificate cert, boolean withHash) {
        return (withHash ? "Hash=" + CertificateThumbprints.sha256Hex(cert) + ";" : "")
                + "Cert=\"" + TestPki.escapedPem(cert) + "\";Subject=\"CN=workload,O=Latchkey Dev\";"
                + "URI=spiffe://prod.example/x";
    }

    @Test
    void whenTlsChainThenLeafOnlyAndExposedAsAttribute() {
        FakeRequest fake = FakeRequest.create().attribute(ClientCertificateResolver.SERVLET_ATTRIBUTE,
                new X509Certificate[]{ALICE, TestPki.CA.certificate()});
        assertSame(ALICE, xfcc.certificate(fake.build()).orElseThrow());
        assertSame(ALICE, fake.attribute(ClientCertificateResolver.REQUEST_ATTRIBUTE));
        assertEquals(Optional.of("tls:client-certificate"), xfcc.source(CredentialRequest.of(fake.build())));
    }

    @Test
    void whenNoCertificateThenEmpty() {
        FakeRequest fake = FakeRequest.create();
        assertEquals(Optional.empty(), xfcc.certificate(fake.build()));
        assertEquals(Optional.empty(), xfcc.source(CredentialRequest.of(fake.build())));
        assertNull(fake.attribute(ClientCertificateResolver.REQUEST_ATTRIBUTE));
    }

    @Test
    void whenXfccFromTrustedProxyThenItsOneElementUsed() {
        FakeRequest fake = FakeRequest.create().remoteAddr("10.1.2.3")
                .header("X-Forwarded-Client-Cert", xfccElement(ALICE, true))
                .attribute(ClientCertificateResolver.SERVLET_ATTRIBUTE, new X509Certificate[]{PROXY});
        assertEquals(ALICE, xfcc.certificate(fake.build()).orElseThrow());
        assertEquals(ALICE, fake.attribute(ClientCertificateResolver.REQUEST_ATTRIBUTE));
    }

    @Test
    void whenSeveralXfccElementsOrLinesThen400UnlessLastIsChosen() {
        String appended = xfccElement(ALICE, true) + "," + "By=spiffe://prod.example/proxy;" + xfccElement(BOB, false);
        assertAmbiguous(xfcc, FakeRequest.create().remoteAddr("10.1.2.3").header("X-Forwarded-Client-Cert", appended));
        assertAmbiguous(xfcc, FakeRequest.create().remoteAddr("10.1.2.3")
                .header("X-Forwarded-Client-Cert", xfccElement(ALICE, true))
                .header("X-Forwarded-Client-Cert", xfccElement(BOB, true)));

        ClientCertificateResolver last = new ClientCertificateResolver(base.withForwardedElement(ForwardedElement.LAST)
                .withTrustedProxies(ForwardedFormat.XFCC, null, "10.0.0.0/8"), Clock.systemUTC());
        assertEquals(BOB, last.certificate(FakeRequest.create().remoteAddr("10.1.2.3")
                .header("X-Forwarded-Client-Cert", appended).build()).orElseThrow(), "the right-most element");
        assertAmbiguous(last, FakeRequest.create().remoteAddr("10.1.2.3")
                .header("X-Forwarded-Client-Cert", xfccElement(ALICE, true))
                .header("X-Forwarded-Client-Cert", xfccElement(BOB, true)));
    }

    @Test
    void whenXfccValuesAreQuotedThenCommasAndSemicolonsInsideDoNotSplit() {
        String quoted = "By=\"spiffe://prod.example/a,b;c\";Subject=\"CN=x,O=\\\"Q\\\";OU=y\";"
                + "Cert=\"" + TestPki.escapedPem(ALICE) + "\"";
        assertEquals(ALICE, xfcc.certificate(FakeRequest.create().remoteAddr("10.1.2.3")
                .header("X-Forwarded-Client-Cert", quoted).build()).orElseThrow());
    }

    /**
     * Envoy {@code APPEND_FORWARD} for a client whose certificate subject holds a quote: the client sends the victim's
     * (public) certificate and opens a quote that, under quote-parity parsing, swallows the element Envoy appends.
     */
    @Test
    void whenClientOpensAQuoteThatSwallowsTheAppendedElementThen400() {
        X509Certificate mallory = DevCertificates.leaf(TestPki.CA, "mallory\"").uri("spiffe://prod.example/mallory")
                .issue().certificate();
        String clientSent = "Cert=" + TestPki.escapedPem(ALICE) + ";x=\"";
        String envoyAppended = ",By=spiffe://prod.example/proxy;Hash=" + CertificateThumbprints.sha256Hex(mallory)
                + ";Cert=\"" + TestPki.escapedPem(mallory) + "\";Subject=\"CN=mallory\\\"\"";
        assertBadRequest(xfcc, clientSent + envoyAppended);
        ClientCertificateResolver last = new ClientCertificateResolver(base.withForwardedElement(ForwardedElement.LAST)
                .withTrustedProxies(ForwardedFormat.XFCC, null, "10.0.0.0/8"), Clock.systemUTC());
        assertBadRequest(last, clientSent + envoyAppended);
    }

    @Test
    void whenXfccHasAStrayQuoteOrARepeatedKeyThen400() {
        String alice = TestPki.escapedPem(ALICE);
        String bob = TestPki.escapedPem(BOB);
        for (String value : new String[]{
                "Cert=\"" + alice + "\"x",                                  // text after the closing quote
                "Cert=" + alice + "\"\"",                                    // quote inside a token
                "By=a\"b\";Cert=\"" + alice + "\"",                         // quote not right after =
                "Cert=\"" + alice + "\" ;URI=x",                             // space before ;
                "Cert=\"" + alice + "\";",                                   // empty pair
                "Cert=\"" + alice + "\";Cert=\"" + bob + "\"",             // Cert twice
                "cert=\"" + alice + "\";CERT=\"" + bob + "\"",             // keys are case-insensitive
                "Chain=\"" + alice + "\";Chain=\"" + bob + "\"",
                "Hash=" + CertificateThumbprints.sha256Hex(BOB) + ";Cert=\"" + bob + "\";Hash=00"}) {
            assertBadRequest(xfcc, value);
        }
        assertEquals(ALICE, xfcc.certificate(FakeRequest.create().remoteAddr("10.1.2.3").header("X-Forwarded-Client-Cert",
                "Cert=\"" + alice + "\";URI=spiffe://prod.example/a;URI=spiffe://prod.example/b;DNS=a;DNS=b")
                .build()).orElseThrow(), "URI and DNS repeat, one pair per SAN");
    }

    @Test
    void whenForwardedCertificateIsACaTheAnchorOrNotForClientAuthThen401() {
        Issued intermediate = DevCertificates.intermediate(TestPki.CA, "Test Intermediate", Duration.ofDays(1));
        X509Certificate serverOnly = DevCertificates.leaf(TestPki.CA, "server").server().dns("api.example")
                .issue().certificate();
        for (X509Certificate notClient : new X509Certificate[]{intermediate.certificate(), TestPki.CA.certificate(),
                serverOnly}) {
            AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> xfcc.certificate(FakeRequest.create()
                    .remoteAddr("10.1.2.3").header("X-Forwarded-Client-Cert", xfccElement(notClient, true)).build()),
                    notClient.getSubjectX500Principal().getName());
            assertEquals(401, f.error().status());
            assertEquals("forwarded_cert_not_client", f.error().reason());
        }
    }

    @Test
    void whenXfccChainCarriesTheIntermediateThenTheLeafValidates() {
        Issued intermediate = DevCertificates.intermediate(TestPki.CA, "Test Intermediate", Duration.ofDays(1));
        X509Certificate leaf = DevCertificates.leaf(intermediate, "workload").uri("spiffe://prod.example/carol")
                .issue().certificate();
        String withoutChain = "Cert=\"" + TestPki.escapedPem(leaf) + "\"";
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> xfcc.certificate(FakeRequest.create()
                .remoteAddr("10.1.2.3").header("X-Forwarded-Client-Cert", withoutChain).build()));
        assertEquals("forwarded_cert_untrusted", f.error().reason());
        String withChain = withoutChain + ";Chain=\"" + TestPki.escapedPem(leaf)
                + TestPki.escapedPem(intermediate.certificate()) + "\"";
        assertEquals(leaf, xfcc.certificate(FakeRequest.create().remoteAddr("10.1.2.3")
                .header("X-Forwarded-Client-Cert", withChain).build()).orElseThrow());
    }

    @Test
    void whenACrlFileIsSetAndAForwardedPathCertificatesIssuerHasNoCrlThen503() throws Exception {
        Issued intermediate = DevCertificates.intermediate(TestPki.CA, "Test Intermediate", Duration.ofDays(1));
        X509Certificate leaf = DevCertificates.leaf(intermediate, "workload").uri("spiffe://prod.example/carol")
                .issue().certificate();
        String withChain = "Cert=\"" + TestPki.escapedPem(leaf) + "\";Chain=\"" + TestPki.escapedPem(leaf)
                + TestPki.escapedPem(intermediate.certificate()) + "\"";
        Path rootCrl = Files.createTempFile("root", ".crl");
        rootCrl.toFile().deleteOnExit();
        DevCertificateFiles.writeCrl(rootCrl, DevCertificates.crl(TestPki.CA, Duration.ofDays(1)));
        ClientCertificateResolver checked = new ClientCertificateResolver(base.withCrlFile(rootCrl)
                .withTrustedProxies(ForwardedFormat.XFCC, null, "10.0.0.0/8"), Clock.systemUTC());
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> checked.certificate(FakeRequest.create()
                .remoteAddr("10.1.2.3").header("X-Forwarded-Client-Cert", withChain).build()));
        assertEquals(503, f.error().status(), "the intermediate's CRL is missing");
        assertEquals("crl_missing", f.error().reason());

        Path bothCrls = Files.createTempFile("both", ".crl");
        bothCrls.toFile().deleteOnExit();
        DevCertificateFiles.writeCrl(bothCrls, DevCertificates.crl(TestPki.CA, Duration.ofDays(1)),
                DevCertificates.crl(intermediate, Duration.ofDays(1)));
        ClientCertificateResolver complete = new ClientCertificateResolver(base.withCrlFile(bothCrls)
                .withTrustedProxies(ForwardedFormat.XFCC, null, "10.0.0.0/8"), Clock.systemUTC());
        assertEquals(leaf, complete.certificate(FakeRequest.create().remoteAddr("10.1.2.3")
                .header("X-Forwarded-Client-Cert", withChain).build()).orElseThrow());
    }

    @Test
    void whenNoTrustAnchorsThenForwardedCertificatesRefusedAndWarnedOnce() {
        ClientCertificateResolver noAnchors = new ClientCertificateResolver(ClientCertificateSettings
                .spiffe("prod.example").withTrustedProxies(ForwardedFormat.XFCC, null, "10.0.0.0/8"), Clock.systemUTC());
        assertTrue(noAnchors.refusesForwarded());
        try (LogCapture log = LogCapture.of(ForwardedCertificateValidator.class)) {
            for (int i = 0; i < 3; i++) {
                AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> noAnchors.certificate(
                        FakeRequest.create().remoteAddr("10.1.2.3")
                                .header("X-Forwarded-Client-Cert", xfccElement(ALICE, true)).build()));
                assertEquals(401, f.error().status());
            }
            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("latchkey.client-cert.trust-anchors"), warnings.get(0));
        }
    }

    @Test
    void whenUntrustedAddressIsNotALiteralThenItsLogLineIsEscaped() {
        try (LogCapture log = LogCapture.of(ClientCertificateResolver.class)) {
            xfcc.certificate(FakeRequest.create().remoteAddr("evil\nINFO forged")
                    .header("X-Forwarded-Client-Cert", xfccElement(ALICE, true)).build());
            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(1, warnings.size(), warnings.toString());
            assertFalse(warnings.get(0).contains("\n"), warnings.get(0));
            assertTrue(warnings.get(0).contains("evil\\nINFO forged"), warnings.get(0));
        }
    }

    private static void assertAmbiguous(ClientCertificateResolver r, FakeRequest request) {
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> r.certificate(request.build()));
        assertEquals(400, f.error().status());
        assertEquals("invalid_request", f.error().error());
        assertEquals(ForwardedCertificates.AMBIGUOUS, f.error().reason());
    }

    @Test
    void whenXfccFromTrustedIpv6ProxyThenUsed() {
        FakeRequest fake = FakeRequest.create().remoteAddr("fd12::7").header("X-Forwarded-Client-Cert",
                xfccElement(ALICE, false));
        assertEquals(ALICE, xfcc.certificate(fake.build()).orElseThrow());
    }

    @Test
    void whenXfccFromUntrustedAddressThenIgnored() {
        FakeRequest forged = FakeRequest.create().remoteAddr("192.0.2.66")
                .header("X-Forwarded-Client-Cert", xfccElement(ALICE, true));
        assertEquals(Optional.empty(), xfcc.certificate(forged.build()));
        assertEquals(Optional.empty(), xfcc.source(CredentialRequest.of(forged.build())));
        forged.attribute(ClientCertificateResolver.SERVLET_ATTRIBUTE, new X509Certificate[]{BOB});
        assertEquals(BOB, xfcc.certificate(forged.build()).orElseThrow(), "the TLS certificate still counts");
    }

    @Test
    void whenTrustedProxySendsNoForwardedHeaderThenNoCertificateNotTheProxysOwn() {
        for (String value : new String[]{null, "", "   "}) {
            FakeRequest fake = FakeRequest.create().remoteAddr("10.1.2.3")
                    .attribute(ClientCertificateResolver.SERVLET_ATTRIBUTE, new X509Certificate[]{PROXY});
            if (value != null) {
                fake.header("X-Forwarded-Client-Cert", value);
            }
            assertEquals(Optional.empty(), xfcc.certificate(fake.build()), "header: " + value);
            assertEquals(Optional.empty(), xfcc.source(CredentialRequest.of(fake.build())), "header: " + value);
            assertNull(fake.attribute(ClientCertificateResolver.REQUEST_ATTRIBUTE));
        }
    }

    @Test
    void whenForwardedHeaderFromUntrustedAddressRepeatedlyThenWarnedOncePerAddress() {
        try (LogCapture log = LogCapture.of(ClientCertificateResolver.class)) {
            for (int i = 0; i < 50; i++) {
                xfcc.certificate(FakeRequest.create().remoteAddr("192.0.2.66")
                        .header("X-Forwarded-Client-Cert", xfccElement(ALICE, true)).build());
            }
            xfcc.certificate(FakeRequest.create().remoteAddr("192.0.2.67")
                    .header("X-Forwarded-Client-Cert", xfccElement(ALICE, true)).build());
            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("192.0.2.66") && warnings.get(1).contains("192.0.2.67"));
            assertFalse(warnings.toString().contains("Cert="), "the header's value is never logged");
        }
    }

    @Test
    void whenForwardedHeaderFromManyAddressesOfOneIpv6NetworkThenWarnedOncePerSlash64() {
        try (LogCapture log = LogCapture.of(ClientCertificateResolver.class)) {
            for (int i = 1; i <= 50; i++) {
                xfcc.certificate(FakeRequest.create().remoteAddr("2001:db8:1:2::" + Integer.toHexString(i))
                        .header("X-Forwarded-Client-Cert", xfccElement(ALICE, true)).build());
            }
            xfcc.certificate(FakeRequest.create().remoteAddr("2001:db8:1:3::1")
                    .header("X-Forwarded-Client-Cert", xfccElement(ALICE, true)).build());
            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(2, warnings.size(), warnings.toString());
            String first = ClientNetwork.of(CidrRange.parseAddress("2001:db8:1:2::1").orElseThrow()).key();
            String second = ClientNetwork.of(CidrRange.parseAddress("2001:db8:1:3::1").orElseThrow()).key();
            assertTrue(warnings.get(0).contains(first) && warnings.get(1).contains(second), warnings.toString());
        }
    }

    @Test
    void whenNoTrustedProxiesConfiguredThenXfccIgnoredFromAnywhere() {
        ClientCertificateResolver none = new ClientCertificateResolver(base, Clock.systemUTC());
        FakeRequest fake = FakeRequest.create().remoteAddr("10.1.2.3")
                .header("X-Forwarded-Client-Cert", xfccElement(ALICE, true));
        assertEquals(Optional.empty(), none.certificate(fake.build()));
    }

    @Test
    void whenXfccMalformedFromTrustedProxyThen400() {
        assertBadRequest(xfcc, "Hash=abc;Subject=\"CN=x\"");                     // no Cert
        assertBadRequest(xfcc, "Cert=\"-----BEGIN%20CERTIFICATE-----%0Agarbage\"");
        assertBadRequest(xfcc, "Cert=\"%ZZ\"");
        assertBadRequest(xfcc, "Cert=\"" + TestPki.escapedPem(ALICE));             // unbalanced quote
        assertBadRequest(xfcc, "Hash=" + CertificateThumbprints.sha256Hex(BOB) + ";Cert=\""
                + TestPki.escapedPem(ALICE) + "\"");                               // hash mismatch
    }

    @Test
    void whenNginxEscapedPemFromTrustedProxyThenParsed() {
        ClientCertificateResolver nginx = new ClientCertificateResolver(
                base.withTrustedProxies(ForwardedFormat.PEM, "X-Client-Cert", "127.0.0.1"), Clock.systemUTC());
        FakeRequest fake = FakeRequest.create().remoteAddr("127.0.0.1")
                .header("X-Client-Cert", TestPki.escapedPem(ALICE));
        assertEquals(ALICE, nginx.certificate(fake.build()).orElseThrow());
        assertEquals(Optional.of("tls:client-certificate"), nginx.source(CredentialRequest.of(fake.build())));

        String twoCerts = TestPki.escapedPem(ALICE) + TestPki.escapedPem(BOB);
        assertBadRequest(nginx, "X-Client-Cert", "127.0.0.1", twoCerts);
        assertBadRequest(nginx, "X-Client-Cert", "127.0.0.1", "not-a-cert");
        assertAmbiguous(nginx, FakeRequest.create().remoteAddr("127.0.0.1")
                .header("X-Client-Cert", TestPki.escapedPem(ALICE)).header("X-Client-Cert", TestPki.escapedPem(BOB)));
    }

    private static void assertBadRequest(ClientCertificateResolver r, String xfccValue) {
        assertBadRequest(r, "X-Forwarded-Client-Cert", "10.0.0.1", xfccValue);
    }

    private static void assertBadRequest(ClientCertificateResolver r, String header, String addr, String value) {
        var req = FakeRequest.create().remoteAddr(addr).header(header, value).build();
        AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> r.certificate(req));
        assertEquals(400, f.error().status());
        assertEquals("forwarded_cert_malformed", f.error().reason());
    }
}

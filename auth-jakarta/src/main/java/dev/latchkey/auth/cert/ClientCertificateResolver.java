package dev.latchkey.auth.cert;

import dev.latchkey.auth.cert.ForwardedCertificates.Forwarded;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import dev.latchkey.auth.request.ClientAddress;
import dev.latchkey.auth.request.ClientNetwork;
import dev.latchkey.auth.request.LogSafe;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.spi.CredentialRequest;
import dev.latchkey.auth.spi.CredentialResolver;
import jakarta.servlet.http.HttpServletRequest;

import java.lang.System.Logger.Level;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the client's certificate: the <em>leaf</em> only (element 0 of the servlet attribute
 * {@value #SERVLET_ATTRIBUTE}, Servlet 6.0 §3.10); the chain was validated by the TLS layer against its trust store.
 *
 * <p>Behind a TLS-terminating proxy, the certificate forwarded in {@code latchkey.client-cert.forwarded-header}
 * (Envoy XFCC or URL-encoded PEM, see {@link ForwardedCertificates}) is used instead, but only when the request comes
 * from an address in {@code latchkey.trusted-proxies}. A request from a trusted proxy is judged by that
 * header alone: without it (or with a blank one) the request has no client certificate, since the TLS certificate of
 * that connection is the proxy's own. From any other address the header is ignored and the TLS certificate counts; a
 * warning says so (without the header's value), at most once per client network ({@link ClientNetwork}: an IPv4
 * address or an IPv6 /64) every {@value WarnOnce#INTERVAL_MINUTES} minutes so that a client cannot flood the log.
 *
 * <p>From a trusted proxy: a malformed header is 400 {@code forwarded_cert_malformed}; more than one header line, or
 * more than one XFCC element unless {@code latchkey.client-cert.forwarded-element} is {@code last}, is 400
 * {@value ForwardedCertificates#AMBIGUOUS} (a hop that appends kept what the client sent); a certificate without a
 * PKIX path to {@code latchkey.client-cert.trust-anchors}, or revoked, is 401 ({@link ForwardedCertificateValidator}).
 *
 * <p>The resolved certificate is exposed as request attribute {@value #REQUEST_ATTRIBUTE} for other kinds
 * (certificate-bound tokens, RFC 8705).
 */
public final class ClientCertificateResolver implements CredentialResolver<ClientCertificateCredential> {

    public static final String SERVLET_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";
    public static final String REQUEST_ATTRIBUTE = "dev.latchkey.client-certificate";
    public static final String SOURCE = "tls:client-certificate";

    private static final System.Logger LOG = System.getLogger(ClientCertificateResolver.class.getName());

    /** Addresses warned about recently. */
    private final WarnOnce warned = new WarnOnce();

    private final ClientCertificateSettings settings;
    private final TrustedProxies trustedProxies;
    private final ForwardedCertificateValidator validator;

    /** @param clock the time forwarded certificates and their CRLs are checked at */
    public ClientCertificateResolver(ClientCertificateSettings settings, Clock clock) {
        this.settings = settings;
        this.trustedProxies = new TrustedProxies(settings.trustedProxies());
        this.validator = ForwardedCertificateValidator.from(settings, clock);
    }

    /** Whether proxies are trusted but no trust anchors are set, so that every certificate they forward is refused. */
    public boolean refusesForwarded() {
        return !trustedProxies.isEmpty() && !validator.hasAnchors();
    }

    /**
     * {@link #SOURCE} when the request carries a client certificate, by the rules of {@link #certificate}; nothing
     * parsed. A forwarded certificate from an untrusted address is ignored, and reported (rate-limited) here, since
     * the chain resolves only the credentials it finds.
     */
    @Override
    public Optional<String> source(CredentialRequest request) {
        HttpServletRequest servlet = request.servlet();
        boolean present;
        if (fromTrustedProxy(servlet)) {
            present = hasForwarded(servlet);
        } else {
            if (hasForwarded(servlet)) {
                warnUntrusted(servlet);
            }
            present = tlsLeaf(servlet) != null;
        }
        return present ? Optional.of(SOURCE) : Optional.empty();
    }

    @Override
    public Optional<ClientCertificateCredential> resolve(CredentialRequest request) {
        return certificate(request.servlet()).map(ClientCertificateCredential::new);
    }

    /**
     * @return the leaf certificate, or empty when the request has none
     * @throws AuthenticationFailure 400 when a trusted proxy forwarded a malformed or ambiguous header, 401 when it
     *                               forwarded an untrusted or revoked certificate, 503 when revocation cannot be
     *                               checked
     */
    public Optional<X509Certificate> certificate(HttpServletRequest request) {
        X509Certificate cert;
        if (fromTrustedProxy(request)) {
            // The TLS certificate, if any, authenticates the proxy, never the client it forwards.
            cert = hasForwarded(request) ? forwarded(request) : null;
        } else {
            if (hasForwarded(request)) {
                warnUntrusted(request);
            }
            cert = tlsLeaf(request);
        }
        if (cert != null) {
            request.setAttribute(REQUEST_ATTRIBUTE, cert);
        }
        return Optional.ofNullable(cert);
    }

    /** Keyed per client network, so that one IPv6 /64 (2^64 addresses) gets one warning, not one per address. */
    private void warnUntrusted(HttpServletRequest request) {
        ClientNetwork network = ClientAddress.network(request, trustedProxies);
        if (warned.first(network.key())) {
            LOG.log(Level.WARNING, "ignoring {0} header from {1}: not in {2} (not logged again for {3} for {4}"
                    + " minutes)", settings.forwardedHeader(), LogSafe.value(request.getRemoteAddr()),
                    TrustedProxies.PROPERTY, network, WarnOnce.INTERVAL_MINUTES);
        }
    }

    private List<String> forwardedLines(HttpServletRequest request) {
        var lines = request.getHeaders(settings.forwardedHeader());
        return lines == null ? List.of() : Collections.list(lines);
    }

    private boolean hasForwarded(HttpServletRequest request) {
        if (request.getHeader(settings.forwardedHeader()) == null) {
            return false; // asked on every request: no list made when the header is absent
        }
        for (String line : forwardedLines(request)) {
            if (line != null && !line.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private boolean fromTrustedProxy(HttpServletRequest request) {
        // without trusted proxies, the container is not asked for the peer's address (text it formats per call)
        return !trustedProxies.isEmpty() && trustedProxies.contains(request.getRemoteAddr());
    }

    private X509Certificate forwarded(HttpServletRequest request) {
        Forwarded forwarded;
        try {
            forwarded = ForwardedCertificates.parse(forwardedLines(request), settings.forwardedFormat(),
                    settings.forwardedElement());
        } catch (ForwardedCertificates.Ambiguous e) {
            throw new AuthenticationFailure(AuthError.invalidRequest(null, e.getMessage(),
                    ForwardedCertificates.AMBIGUOUS));
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailure(AuthError.invalidRequest(null,
                    "malformed forwarded client certificate: " + e.getMessage(), "forwarded_cert_malformed"));
        }
        validator.validate(forwarded);
        return forwarded.leaf();
    }

    private static X509Certificate tlsLeaf(HttpServletRequest request) {
        Object attr = request.getAttribute(SERVLET_ATTRIBUTE);
        if (attr instanceof X509Certificate[] chain && chain.length > 0) {
            return chain[0];
        }
        // WildFly: Undertow sets the attribute only after authentication.
        return request.isSecure() ? UndertowTlsCertificates.leaf().orElse(null) : null;
    }
}

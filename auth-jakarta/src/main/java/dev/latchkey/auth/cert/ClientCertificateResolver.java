package dev.latchkey.auth.cert;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;

import java.lang.System.Logger.Level;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the client's certificate: the <em>leaf</em> only (element 0 of the servlet attribute
 * {@value #SERVLET_ATTRIBUTE}, Servlet 6.0 §3.10); the chain was validated by the TLS layer against its trust store.
 *
 * <p>Behind a TLS-terminating proxy, the certificate forwarded in {@code latchkey.client-cert.forwarded-header}
 * (Envoy XFCC or URL-encoded PEM, see {@link ForwardedCertificates}) is used instead, but only when the request comes
 * from an address in {@code latchkey.client-cert.trusted-proxies}; from any other address the header is ignored and a
 * log line says so (without its value). A malformed forwarded certificate from a trusted proxy is a 400.
 *
 * <p>The resolved certificate is exposed as request attribute {@value #REQUEST_ATTRIBUTE} for other authenticators
 * (certificate-bound tokens, RFC 8705).
 */
@ApplicationScoped
public class ClientCertificateResolver {

    public static final String SERVLET_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";
    public static final String REQUEST_ATTRIBUTE = "dev.latchkey.client-certificate";
    public static final String SOURCE = "tls:client-certificate";

    private static final System.Logger LOG = System.getLogger(ClientCertificateResolver.class.getName());

    private List<CidrRange> trustedProxies;
    private ClientCertificateSettings.ForwardedFormat format;
    private String header;

    /** For CDI; settings are read in {@link #init()}. */
    public ClientCertificateResolver() {
    }

    public ClientCertificateResolver(ClientCertificateSettings settings) {
        configure(settings);
    }

    @PostConstruct
    void init() {
        configure(ClientCertificateSettings.from(ConfigReader.current()));
    }

    private void configure(ClientCertificateSettings settings) {
        this.trustedProxies = settings.trustedProxies();
        this.format = settings.forwardedFormat();
        this.header = settings.forwardedHeader();
    }

    /** {@link #SOURCE} when the request carries a client certificate (by TLS or a trusted proxy); nothing parsed. */
    public Optional<String> credentialSource(HttpServletRequest request) {
        boolean forwarded = hasForwarded(request) && fromTrustedProxy(request);
        return forwarded || tlsLeaf(request) != null ? Optional.of(SOURCE) : Optional.empty();
    }

    /**
     * @return the leaf certificate, or empty when the request has none
     * @throws AuthenticationFailure 400 when a trusted proxy forwarded a malformed certificate
     */
    public Optional<X509Certificate> resolve(HttpServletRequest request) {
        X509Certificate cert = null;
        if (hasForwarded(request)) {
            if (fromTrustedProxy(request)) {
                cert = parseForwarded(request.getHeader(header));
            } else {
                LOG.log(Level.WARNING, "ignoring {0} header from {1}: not in latchkey.client-cert.trusted-proxies",
                        header, request.getRemoteAddr());
            }
        }
        if (cert == null) {
            cert = tlsLeaf(request);
        }
        if (cert != null) {
            request.setAttribute(REQUEST_ATTRIBUTE, cert);
        }
        return Optional.ofNullable(cert);
    }

    private boolean hasForwarded(HttpServletRequest request) {
        String value = request.getHeader(header);
        return value != null && !value.isBlank();
    }

    private boolean fromTrustedProxy(HttpServletRequest request) {
        if (trustedProxies.isEmpty()) {
            return false;
        }
        return CidrRange.parseAddress(request.getRemoteAddr())
                .map(addr -> trustedProxies.stream().anyMatch(r -> r.contains(addr)))
                .orElse(false);
    }

    private X509Certificate parseForwarded(String value) {
        try {
            return format == ClientCertificateSettings.ForwardedFormat.XFCC
                    ? ForwardedCertificates.fromXfcc(value)
                    : ForwardedCertificates.fromEscapedPem(value);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailure(AuthError.invalidRequest(null,
                    "malformed forwarded client certificate: " + e.getMessage(), "forwarded_cert_malformed"));
        }
    }

    private static X509Certificate tlsLeaf(HttpServletRequest request) {
        Object attr = request.getAttribute(SERVLET_ATTRIBUTE);
        if (attr instanceof X509Certificate[] chain && chain.length > 0) {
            return chain[0];
        }
        return null;
    }
}

package dev.latchkey.auth.cert;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;

import java.lang.System.Logger.Level;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the client's certificate: the <em>leaf</em> only (element 0 of the servlet attribute
 * {@value #SERVLET_ATTRIBUTE}, Servlet 6.0 §3.10); the chain was validated by the TLS layer against its trust store.
 *
 * <p>Behind a TLS-terminating proxy, the certificate forwarded in {@code latchkey.client-cert.forwarded-header}
 * (Envoy XFCC or URL-encoded PEM, see {@link ForwardedCertificates}) is used instead, but only when the request comes
 * from an address in {@code latchkey.client-cert.trusted-proxies}. A request from a trusted proxy is judged by that
 * header alone: without it (or with a blank one) the request has no client certificate, since the TLS certificate of
 * that connection is the proxy's own. From any other address the header is ignored and the TLS certificate counts; a
 * warning says so (without the header's value), at most once per address every {@value #WARN_INTERVAL_MINUTES} minutes
 * so that a client cannot flood the log. A malformed forwarded certificate from a trusted proxy is a 400.
 *
 * <p>The resolved certificate is exposed as request attribute {@value #REQUEST_ATTRIBUTE} for other authenticators
 * (certificate-bound tokens, RFC 8705).
 */
@ApplicationScoped
public class ClientCertificateResolver {

    public static final String SERVLET_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";
    public static final String REQUEST_ATTRIBUTE = "dev.latchkey.client-certificate";
    public static final String SOURCE = "tls:client-certificate";

    static final int WARN_INTERVAL_MINUTES = 10;
    private static final System.Logger LOG = System.getLogger(ClientCertificateResolver.class.getName());

    /** Addresses warned about recently (bounded, so a spray of addresses cannot grow memory). */
    private final Cache<String, Boolean> warned = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(WARN_INTERVAL_MINUTES)).build();

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

    /**
     * {@link #SOURCE} when the request carries a client certificate, by the rules of {@link #resolve}; nothing parsed.
     * The chain does not consult it today (client certificates are not exclusive); kept for the SPI contract.
     */
    public Optional<String> credentialSource(HttpServletRequest request) {
        boolean present = fromTrustedProxy(request) ? hasForwarded(request) : tlsLeaf(request) != null;
        return present ? Optional.of(SOURCE) : Optional.empty();
    }

    /**
     * @return the leaf certificate, or empty when the request has none
     * @throws AuthenticationFailure 400 when a trusted proxy forwarded a malformed certificate
     */
    public Optional<X509Certificate> resolve(HttpServletRequest request) {
        X509Certificate cert;
        if (fromTrustedProxy(request)) {
            // The TLS certificate, if any, authenticates the proxy, never the client it forwards.
            cert = hasForwarded(request) ? parseForwarded(request.getHeader(header)) : null;
        } else {
            if (hasForwarded(request)) {
                warnUntrusted(request.getRemoteAddr());
            }
            cert = tlsLeaf(request);
        }
        if (cert != null) {
            request.setAttribute(REQUEST_ATTRIBUTE, cert);
        }
        return Optional.ofNullable(cert);
    }

    private void warnUntrusted(String address) {
        String key = String.valueOf(address);
        if (warned.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
            LOG.log(Level.WARNING, "ignoring {0} header from {1}: not in latchkey.client-cert.trusted-proxies"
                    + " (not logged again for this address for {2} minutes)", header, key, WARN_INTERVAL_MINUTES);
        }
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
        // WildFly: Undertow sets the attribute only after authentication.
        return request.isSecure() ? UndertowTlsCertificates.leaf().orElse(null) : null;
    }
}

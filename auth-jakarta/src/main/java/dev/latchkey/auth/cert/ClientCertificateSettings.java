package dev.latchkey.auth.cert;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.request.CidrRange;
import dev.latchkey.auth.request.TrustedProxies;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of client-certificate (mTLS) authentication.
 *
 * <p>For certificates presented over TLS, chain validation is the TLS layer's job: the container's trust store (on
 * embedded Jetty {@code SslContextFactory.Server#setTrustStorePath} with {@code setNeedClientAuth(true)} or
 * {@code setWantClientAuth}) decides which issuers are accepted; Latchkey checks validity, revocation and identity.
 * Certificates forwarded by a proxy passed no TLS handshake here, so Latchkey validates their chain itself
 * (RFC 5280 §6, PKIX) against {@code trustAnchors}; without anchors every forwarded certificate is refused.
 *
 * @param principal        {@code latchkey.client-cert.principal} (default {@code spiffe}): where the caller name comes
 *                         from, a comma-separated list tried in order among {@code spiffe} (the URI SAN SPIFFE ID),
 *                         {@code dns} (first DNS SAN), {@code cn} (subject common name), {@code dn} (subject DN, RFC
 *                         4514). The default is strict: a certificate without a SPIFFE ID is refused; use e.g.
 *                         {@code spiffe,cn} to fall back. A SPIFFE ID that is present but malformed or outside the
 *                         trust domains is refused, never skipped
 * @param trustDomains     {@code latchkey.client-cert.trust-domains}: SPIFFE trust domains accepted; empty (the default)
 *                         refuses every SPIFFE ID
 * @param mappingFile      {@code latchkey.client-cert.mapping-file}: JSON groups/scopes mapping, see
 *                         {@link CertificateMappings}
 * @param crlFile          {@code latchkey.client-cert.crl-file}: PEM or DER CRL(s), reloaded when modified
 * @param trustedProxies   {@code latchkey.trusted-proxies} ({@link TrustedProxies}): CIDRs of TLS-terminating proxies whose forwarded
 *                         certificate header is believed; empty (the default) ignores forwarded certificates
 * @param forwardedFormat  {@code latchkey.client-cert.forwarded-format}: {@code xfcc} (Envoy, default) or {@code pem}
 *                         (URL-encoded PEM, nginx {@code $ssl_client_escaped_cert})
 * @param forwardedHeader  {@code latchkey.client-cert.forwarded-header}: default {@code X-Forwarded-Client-Cert} for
 *                         xfcc, {@code X-SSL-Client-Cert} for pem
 * @param forwardedElement {@code latchkey.client-cert.forwarded-element}: {@code single} (default) accepts exactly one
 *                         XFCC element; {@code last} takes the right-most, the one the trusted hop added
 * @param trustAnchors     {@code latchkey.client-cert.trust-anchors}: PEM file of the CA certificates that forwarded
 *                         certificates must chain to; none (the default) refuses every forwarded certificate
 * @param crlStale         {@code latchkey.client-cert.crl-stale}: {@code fail} (default, 503) or {@code accept} (use
 *                         the CRL, warn) when the CRL of a certificate's issuer is past its {@code nextUpdate}
 */
public record ClientCertificateSettings(List<PrincipalSource> principal, Set<String> trustDomains,
                                        Optional<Path> mappingFile, Optional<Path> crlFile,
                                        List<CidrRange> trustedProxies, ForwardedFormat forwardedFormat,
                                        String forwardedHeader, ForwardedElement forwardedElement,
                                        Optional<Path> trustAnchors, CrlStale crlStale) {

    public static final String PRINCIPAL = "latchkey.client-cert.principal";
    public static final String TRUST_DOMAINS = "latchkey.client-cert.trust-domains";
    public static final String MAPPING_FILE = "latchkey.client-cert.mapping-file";
    public static final String CRL_FILE = "latchkey.client-cert.crl-file";
    public static final String FORWARDED_FORMAT = "latchkey.client-cert.forwarded-format";
    public static final String FORWARDED_HEADER = "latchkey.client-cert.forwarded-header";
    public static final String FORWARDED_ELEMENT = "latchkey.client-cert.forwarded-element";
    public static final String TRUST_ANCHORS = "latchkey.client-cert.trust-anchors";
    public static final String CRL_STALE = "latchkey.client-cert.crl-stale";

    public enum PrincipalSource { SPIFFE, DNS, CN, DN }

    public enum ForwardedFormat {
        XFCC("X-Forwarded-Client-Cert"), PEM("X-SSL-Client-Cert");

        final String defaultHeader;

        ForwardedFormat(String defaultHeader) {
            this.defaultHeader = defaultHeader;
        }
    }

    /** Which XFCC element of a trusted proxy's header is the client's. */
    public enum ForwardedElement {
        /** Exactly one element; several are a 400 (a hop appended to a header the client sent). */
        SINGLE,
        /** The right-most element: the one the trusted hop next to this server added, never one the client wrote. */
        LAST
    }

    /** What a CRL past its {@code nextUpdate} (RFC 5280 §5.1.2.5) does. */
    public enum CrlStale {
        /** Refuse certificates of that issuer with 503 until a fresh CRL is installed. */
        FAIL,
        /** Keep using the stale CRL, with a warning. */
        ACCEPT
    }

    public ClientCertificateSettings {
        principal = List.copyOf(principal);
        if (principal.isEmpty()) {
            throw new ConfigurationException(PRINCIPAL, "must name at least one of spiffe, dns, cn, dn");
        }
        trustDomains = Set.copyOf(trustDomains);
        for (String td : trustDomains) {
            if (SpiffeId.problem(SpiffeId.PREFIX + td) != null || td.contains("/")) {
                throw new ConfigurationException(TRUST_DOMAINS, "not a valid SPIFFE trust domain: '" + td + "'");
            }
        }
        trustedProxies = List.copyOf(trustedProxies);
        if (forwardedFormat == null) {
            throw new ConfigurationException(FORWARDED_FORMAT, "must be xfcc or pem");
        }
        if (forwardedHeader == null || forwardedHeader.isBlank()) {
            forwardedHeader = forwardedFormat.defaultHeader;
        }
        Objects.requireNonNull(forwardedElement, FORWARDED_ELEMENT);
        Objects.requireNonNull(trustAnchors, TRUST_ANCHORS);
        Objects.requireNonNull(crlStale, CRL_STALE);
    }

    /** The defaults: SPIFFE principals in the given trust domains; no proxies, mapping file, CRL or anchors. */
    public static ClientCertificateSettings spiffe(String... trustDomains) {
        return new ClientCertificateSettings(List.of(PrincipalSource.SPIFFE), Set.of(trustDomains), Optional.empty(),
                Optional.empty(), List.of(), ForwardedFormat.XFCC, null, ForwardedElement.SINGLE, Optional.empty(),
                CrlStale.FAIL);
    }

    public ClientCertificateSettings withPrincipal(PrincipalSource... sources) {
        return new ClientCertificateSettings(List.of(sources), trustDomains, mappingFile, crlFile, trustedProxies,
                forwardedFormat, forwardedHeader, forwardedElement, trustAnchors, crlStale);
    }

    public ClientCertificateSettings withMappingFile(Path file) {
        return new ClientCertificateSettings(principal, trustDomains, Optional.of(file), crlFile, trustedProxies,
                forwardedFormat, forwardedHeader, forwardedElement, trustAnchors, crlStale);
    }

    public ClientCertificateSettings withCrlFile(Path file) {
        return new ClientCertificateSettings(principal, trustDomains, mappingFile, Optional.of(file), trustedProxies,
                forwardedFormat, forwardedHeader, forwardedElement, trustAnchors, crlStale);
    }

    public ClientCertificateSettings withTrustedProxies(ForwardedFormat format, String header, String... cidrs) {
        return new ClientCertificateSettings(principal, trustDomains, mappingFile, crlFile,
                List.of(cidrs).stream().map(CidrRange::parse).toList(), format, header, forwardedElement,
                trustAnchors, crlStale);
    }

    public ClientCertificateSettings withForwardedElement(ForwardedElement element) {
        return new ClientCertificateSettings(principal, trustDomains, mappingFile, crlFile, trustedProxies,
                forwardedFormat, forwardedHeader, element, trustAnchors, crlStale);
    }

    public ClientCertificateSettings withTrustAnchors(Path pemFile) {
        return new ClientCertificateSettings(principal, trustDomains, mappingFile, crlFile, trustedProxies,
                forwardedFormat, forwardedHeader, forwardedElement, Optional.of(pemFile), crlStale);
    }

    /** @param proxies {@value TrustedProxies#PROPERTY}, read once for every kind */
    public static ClientCertificateSettings from(ConfigReader config, TrustedProxies proxies) {
        ClientCertificateSettings d = spiffe();
        List<PrincipalSource> principal = config.list(PRINCIPAL, d.principal().stream()
                .map(p -> p.name().toLowerCase(Locale.ROOT)).toList()).stream().map(s -> {
            try {
                return PrincipalSource.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(PRINCIPAL, "unknown source '" + s + "'; use spiffe, dns, cn or dn");
            }
        }).toList();
        return new ClientCertificateSettings(principal, Set.copyOf(config.list(TRUST_DOMAINS, List.of())),
                path(config, MAPPING_FILE), path(config, CRL_FILE), proxies.ranges(),
                choice(config, FORWARDED_FORMAT, d.forwardedFormat()),
                config.string(FORWARDED_HEADER).orElse(null),
                choice(config, FORWARDED_ELEMENT, d.forwardedElement()), path(config, TRUST_ANCHORS),
                choice(config, CRL_STALE, d.crlStale()));
    }

    /** One of the enum's constants, written in lower case; anything else names the property and the choices. */
    private static <E extends Enum<E>> E choice(ConfigReader config, String name, E defaultValue) {
        String value = config.string(name, defaultValue.name().toLowerCase(Locale.ROOT));
        for (E e : defaultValue.getDeclaringClass().getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw new ConfigurationException(name, "expected one of " + Arrays.stream(defaultValue.getDeclaringClass()
                .getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + value + "'");
    }

    private static Optional<Path> path(ConfigReader config, String name) {
        try {
            return config.string(name).map(Path::of);
        } catch (InvalidPathException e) {
            throw new ConfigurationException(name, "not a valid path: " + e.getMessage(), e);
        }
    }
}

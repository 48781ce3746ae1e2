package dev.latchkey.auth.cert;

import dev.latchkey.auth.cert.ClientCertificateSettings.PrincipalSource;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.AuthenticationFailure;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps a client certificate to a caller name and attributes, following {@code latchkey.client-cert.principal}.
 *
 * <p>SPIFFE (X509-SVID specification §2): the SPIFFE ID is the certificate's one URI SAN with scheme {@code spiffe}.
 * More than one, a malformed one (see {@link SpiffeId}) or one outside {@code latchkey.client-cert.trust-domains} is a
 * 401, whatever the other sources say. Attributes: {@code subject_dn}, {@code serial} (hex), {@code x5t#S256},
 * {@code san_dns}, {@code san_uri}, {@code san_ip}, {@code san_email} (lists), and {@code spiffe_id} when present.
 *
 * <p>Names of different sources never collide (see {@link #checkNamespace}): a CN or DNS name that starts with
 * {@code spiffe:} or contains {@code =} is a 401 {@code cert_name_ambiguous}.
 *
 * <p>SANs are read with {@link X509Certificate#getSubjectAlternativeNames()}; a SAN the JDK cannot parse (e.g. a URI
 * host with an underscore) makes the certificate unusable (401).
 */
public final class CertificateCallerMapper {

    /** The caller name and attributes of a certificate. */
    public record CertificateIdentity(String name, PrincipalSource source, Map<String, Object> attributes) {
        public CertificateIdentity {
            attributes = Map.copyOf(attributes);
        }
    }

    private final List<PrincipalSource> sources;
    private final Set<String> trustDomains;

    public CertificateCallerMapper(List<PrincipalSource> sources, Set<String> trustDomains) {
        this.sources = List.copyOf(sources);
        this.trustDomains = Set.copyOf(trustDomains);
    }

    public CertificateIdentity map(X509Certificate cert) {
        String serial = CertificateThumbprints.serialHex(cert);
        Map<String, List<String>> sans = subjectAltNames(cert, serial);
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("subject_dn", cert.getSubjectX500Principal().getName(X500Principal.RFC2253));
        attrs.put("serial", serial);
        attrs.put("x5t#S256", CertificateThumbprints.x5tS256(cert));
        sans.forEach(attrs::put);
        SpiffeId spiffe = spiffeId(sans.get("san_uri"), serial);
        if (spiffe != null) {
            attrs.put("spiffe_id", spiffe.toString());
        }
        for (PrincipalSource source : sources) {
            String name = switch (source) {
                case SPIFFE -> spiffe == null ? null : spiffe.toString();
                case DNS -> sans.get("san_dns").isEmpty() ? null : sans.get("san_dns").get(0);
                case CN -> commonName(cert);
                case DN -> cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
            };
            if (name != null && !name.isBlank()) {
                checkNamespace(name, source, serial);
                return new CertificateIdentity(name, source, attrs);
            }
        }
        throw reject("client certificate has no usable identity (" + sources.toString().toLowerCase(Locale.ROOT)
                + ")", "cert_no_identity", serial);
    }

    /**
     * Keeps the name spaces of the sources disjoint, so that one certificate cannot take another's caller name and
     * mapping: a SPIFFE ID always starts with {@code spiffe:} and a DN always contains {@code =}, so a CN or DNS name
     * doing either (e.g. {@code CN=spiffe://prod.example/ns/payments/sa/api}, or a CN equal to a mapped DN) is refused
     * (401), even when it is the only source configured.
     */
    private static void checkNamespace(String name, PrincipalSource source, String serial) {
        if ((source == PrincipalSource.CN || source == PrincipalSource.DNS)
                && (name.regionMatches(true, 0, "spiffe:", 0, 7) || name.indexOf('=') >= 0)) {
            throw reject("client certificate " + source.toString().toLowerCase(Locale.ROOT)
                    + " looks like a SPIFFE ID or a DN", "cert_name_ambiguous", serial);
        }
    }

    /** The SPIFFE ID, null when the certificate has none; 401 when it has a bad one or more than one. */
    private SpiffeId spiffeId(List<String> uris, String serial) {
        List<String> candidates = uris.stream().filter(u -> u.regionMatches(true, 0, "spiffe:", 0, 7)).toList();
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() > 1) {
            throw reject("client certificate has more than one SPIFFE ID", "spiffe_id_multiple", serial);
        }
        String problem = SpiffeId.problem(candidates.get(0));
        if (problem != null) {
            throw reject("malformed SPIFFE ID: " + problem, "spiffe_id_malformed", serial);
        }
        SpiffeId id = SpiffeId.parse(candidates.get(0)).orElseThrow();
        if (!trustDomains.contains(id.trustDomain())) {
            throw reject("SPIFFE trust domain not accepted", "spiffe_trust_domain", serial);
        }
        return id;
    }

    private static Map<String, List<String>> subjectAltNames(X509Certificate cert, String serial) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String k : List.of("san_dns", "san_uri", "san_ip", "san_email")) {
            out.put(k, new ArrayList<>());
        }
        Collection<List<?>> sans;
        try {
            sans = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw reject("client certificate has an unparsable subject alternative name", "cert_bad_san", serial);
        }
        if (sans != null) {
            for (List<?> san : sans) {
                if (san.size() < 2 || !(san.get(0) instanceof Integer type) || !(san.get(1) instanceof String v)) {
                    continue;
                }
                switch (type) {
                    case 1 -> out.get("san_email").add(v);
                    case 2 -> out.get("san_dns").add(v);
                    case 6 -> out.get("san_uri").add(v);
                    case 7 -> out.get("san_ip").add(v);
                    default -> { }
                }
            }
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    /** The most specific CN of the subject (the first in RFC 4514 order), or null. */
    private static String commonName(X509Certificate cert) {
        try {
            List<Rdn> rdns = new LdapName(cert.getSubjectX500Principal().getName(X500Principal.RFC2253)).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (rdns.get(i).getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdns.get(i).getValue());
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    static AuthenticationFailure reject(String description, String reason, String serial) {
        return new AuthenticationFailure(AuthError.invalidToken(null, description, reason).withCredentialId(serial));
    }
}

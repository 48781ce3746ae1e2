package dev.latchkey.auth.cert;

import dev.latchkey.auth.cert.ClientCertificateSettings.ForwardedElement;
import dev.latchkey.auth.cert.ClientCertificateSettings.ForwardedFormat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Parses client certificates forwarded by TLS-terminating proxies: the one parser of forwarded-certificate headers.
 * Every failure is an {@link IllegalArgumentException} ({@link Ambiguous} for more than one candidate) with a message
 * free of the header value.
 *
 * <ul>
 *   <li>Envoy {@code X-Forwarded-Client-Cert} (Envoy documentation, "HTTP header manipulation",
 *   x-forwarded-client-cert): comma-separated elements, one per proxy that handled the request, each a
 *   {@code ;}-separated list of case-insensitive {@code key=value} pairs; a value holding {@code , ; =} is
 *   double-quoted, with {@code \"} for a quote inside; parsed strictly by {@link XfccHeader} (a stray quote, or
 *   {@code Cert}, {@code Chain}, {@code Hash} twice in one element, is malformed). {@code Cert} is the URL-encoded
 *   PEM of the leaf; {@code Chain} the URL-encoded PEM of the whole chain (leaf first; its other certificates are
 *   candidate intermediates); one of them is required. A {@code Hash} (hex SHA-256 of the leaf's DER) is checked
 *   when present. A proxy that appends ({@code APPEND_FORWARD}) keeps whatever the client sent on the left, so only
 *   the right-most element was written by the trusted hop: by default ({@link ForwardedElement#SINGLE}) exactly one
 *   element is accepted, with {@link ForwardedElement#LAST} the right-most is taken; the left-most never is.</li>
 *   <li>URL-encoded PEM (nginx {@code $ssl_client_escaped_cert}): one certificate.</li>
 * </ul>
 */
final class ForwardedCertificates {

    /** The audit reason of every refusal for more than one header line or XFCC element (400 invalid_request). */
    static final String AMBIGUOUS = "forwarded_cert_ambiguous";

    /** A leaf and a few intermediates, PEM-encoded and URL-encoded, stay far below this. */
    static final int MAX_HEADER_LENGTH = 32 * 1024;
    /** More certificates than any real chain holds. */
    static final int MAX_CHAIN = 8;

    /** More than one header line or element where one is required. */
    static final class Ambiguous extends IllegalArgumentException {
        Ambiguous(String message) {
            super(message);
        }
    }

    /**
     * A forwarded client certificate.
     *
     * @param leaf          the client's certificate
     * @param intermediates other certificates the proxy forwarded with it (XFCC {@code Chain}), untrusted path
     *                      candidates
     */
    record Forwarded(X509Certificate leaf, List<X509Certificate> intermediates) {
        Forwarded {
            intermediates = List.copyOf(intermediates);
        }
    }

    private ForwardedCertificates() {
    }

    /**
     * The certificate of the header lines a trusted proxy sent: exactly one line, in {@code format}.
     *
     * @throws Ambiguous for several lines, or several XFCC elements unless {@code element} is {@code LAST}
     */
    static Forwarded parse(List<String> lines, ForwardedFormat format, ForwardedElement element) {
        if (lines.size() != 1) {
            throw new Ambiguous("more than one forwarded client certificate header");
        }
        return format == ForwardedFormat.XFCC ? fromXfcc(lines.get(0), element)
                : new Forwarded(fromEscapedPem(lines.get(0)), List.of());
    }

    static Forwarded fromXfcc(String header, ForwardedElement element) {
        checkLength(header);
        List<Map<String, String>> elements = XfccHeader.parse(header);
        if (elements.size() > 1 && element == ForwardedElement.SINGLE) {
            throw new Ambiguous("more than one element in the forwarded client certificate header");
        }
        return fromXfccElement(elements.get(elements.size() - 1));
    }

    private static Forwarded fromXfccElement(Map<String, String> element) {
        String cert = element.get("cert");
        String chain = element.get("chain");
        String hash = element.get("hash");
        List<X509Certificate> chainCerts = chain == null || chain.isEmpty() ? List.of() : certificates(chain);
        X509Certificate leaf;
        if (cert != null && !cert.isEmpty()) {
            leaf = fromEscapedPem(cert);
        } else if (!chainCerts.isEmpty()) {
            leaf = chainCerts.get(0);
        } else {
            throw new IllegalArgumentException("XFCC element has no Cert");
        }
        if (hash != null && !hash.equalsIgnoreCase(CertificateThumbprints.sha256Hex(leaf))) {
            throw new IllegalArgumentException("XFCC Hash does not match Cert");
        }
        return new Forwarded(leaf, chainCerts.stream().filter(c -> !c.equals(leaf)).toList());
    }

    static X509Certificate fromEscapedPem(String value) {
        List<X509Certificate> certs = certificates(value);
        if (certs.size() != 1) {
            throw new IllegalArgumentException("expected exactly one X.509 certificate, got " + certs.size());
        }
        return certs.get(0);
    }

    /** One or more URL-encoded PEM certificates. */
    private static List<X509Certificate> certificates(String value) {
        checkLength(value);
        byte[] pem = percentDecode(value.strip());
        Collection<? extends Certificate> certs;
        try {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a PEM certificate");
        }
        if (certs.isEmpty() || certs.size() > MAX_CHAIN) {
            throw new IllegalArgumentException("expected 1 to " + MAX_CHAIN + " certificates, got " + certs.size());
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certs) {
            if (!(c instanceof X509Certificate x509)) {
                throw new IllegalArgumentException("not an X.509 certificate");
            }
            out.add(x509);
        }
        return out;
    }

    private static void checkLength(String value) {
        if (value.length() > MAX_HEADER_LENGTH) {
            throw new IllegalArgumentException("forwarded certificate header too long");
        }
    }

    /** RFC 3986 §2.1 percent-decoding; unlike form decoding, {@code +} stays {@code +} (it is a base64 character). */
    static byte[] percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("truncated percent-encoding");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad percent-encoding");
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c > 0x7E) {
                throw new IllegalArgumentException("non-ASCII character in encoded certificate");
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}

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
import java.util.Locale;

/**
 * Parses client certificates forwarded by TLS-terminating proxies: the one parser of forwarded-certificate headers.
 * Every failure is an {@link IllegalArgumentException} ({@link Ambiguous} for more than one candidate) with a message
 * free of the header value.
 *
 * <ul>
 *   <li>Envoy {@code X-Forwarded-Client-Cert} (Envoy documentation, "HTTP header manipulation",
 *   x-forwarded-client-cert): comma-separated elements, one per proxy that handled the request, each a
 *   {@code ;}-separated list of case-insensitive {@code key=value} pairs; a value holding {@code , ; =} is
 *   double-quoted, with {@code \"} for a quote inside. {@code Cert} is the URL-encoded PEM of the leaf; {@code Chain}
 *   the URL-encoded PEM of the whole chain (leaf first; its other certificates are candidate intermediates); one of
 *   them is required. A {@code Hash} (hex SHA-256 of the leaf's DER) is checked when present. A proxy that appends
 *   ({@code APPEND_FORWARD}) keeps whatever the client sent on the left, so only the right-most element was written
 *   by the trusted hop: by default ({@link ForwardedElement#SINGLE}) exactly one element is accepted, with
 *   {@link ForwardedElement#LAST} the right-most is taken; the left-most never is.</li>
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
        List<String> elements = split(header, ',');
        if (elements.size() > 1 && element == ForwardedElement.SINGLE) {
            throw new Ambiguous("more than one element in the forwarded client certificate header");
        }
        return fromXfccElement(elements.get(elements.size() - 1));
    }

    private static Forwarded fromXfccElement(String element) {
        String cert = null;
        String chain = null;
        String hash = null;
        for (String pair : split(element, ';')) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("malformed XFCC element");
            }
            String key = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = unquote(pair.substring(eq + 1).strip());
            switch (key) {
                case "cert" -> cert = value;
                case "chain" -> chain = value;
                case "hash" -> hash = value;
                default -> { }
            }
        }
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

    /** Splits at {@code sep} outside double quotes; a backslash escapes the next character inside quotes. */
    static List<String> split(String s, char sep) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\' && i + 1 < s.length()) {
                current.append(c).append(s.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == sep && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unbalanced quotes in XFCC header");
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < v.length() - 1; i++) {
                char c = v.charAt(i);
                if (c == '\\' && i + 1 < v.length() - 1) {
                    c = v.charAt(++i);
                }
                sb.append(c);
            }
            return sb.toString();
        }
        return v;
    }
}

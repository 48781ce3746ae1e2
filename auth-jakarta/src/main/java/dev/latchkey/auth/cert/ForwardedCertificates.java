package dev.latchkey.auth.cert;

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
 * Parses client certificates forwarded by TLS-terminating proxies. Every failure is an
 * {@link IllegalArgumentException} with a message free of the header value.
 *
 * <ul>
 *   <li>Envoy {@code X-Forwarded-Client-Cert}: comma-separated elements, each {@code key=value} pairs separated by
 *   {@code ;}, values optionally double-quoted (with {@code \"} escapes) when they hold {@code , ; =}. Each proxy
 *   appends the element for the client it saw, so the <em>first</em> element describes the original client; the
 *   edge proxy must sanitize an incoming header ({@code forward_client_cert_details: SANITIZE_SET}) so a client cannot
 *   forge it. Its {@code Cert} value (URL-encoded PEM of the leaf) is required; a {@code Hash} (hex SHA-256 of the DER)
 *   is checked when present.</li>
 *   <li>URL-encoded PEM (nginx {@code $ssl_client_escaped_cert}).</li>
 * </ul>
 */
final class ForwardedCertificates {

    /** A leaf certificate PEM-encoded and URL-encoded stays far below this. */
    static final int MAX_HEADER_LENGTH = 32 * 1024;

    private ForwardedCertificates() {
    }

    static X509Certificate fromXfcc(String header) {
        checkLength(header);
        List<String> elements = split(header, ',');
        String first = elements.get(0);
        String cert = null;
        String hash = null;
        for (String pair : split(first, ';')) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("malformed XFCC element");
            }
            String key = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = unquote(pair.substring(eq + 1).strip());
            if (key.equals("cert")) {
                cert = value;
            } else if (key.equals("hash")) {
                hash = value;
            }
        }
        if (cert == null || cert.isEmpty()) {
            throw new IllegalArgumentException("XFCC element has no Cert");
        }
        X509Certificate certificate = fromEscapedPem(cert);
        if (hash != null && !hash.equalsIgnoreCase(CertificateThumbprints.sha256Hex(certificate))) {
            throw new IllegalArgumentException("XFCC Hash does not match Cert");
        }
        return certificate;
    }

    static X509Certificate fromEscapedPem(String value) {
        checkLength(value);
        byte[] pem = percentDecode(value.strip());
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem));
            if (certs.size() != 1 || !(certs.iterator().next() instanceof X509Certificate x509)) {
                throw new IllegalArgumentException("expected exactly one X.509 certificate, got " + certs.size());
            }
            return x509;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("not a PEM certificate");
        }
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

package dev.latchkey.auth.cert;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;

/** Certificate thumbprints. */
public final class CertificateThumbprints {

    private CertificateThumbprints() {
    }

    /**
     * The {@code x5t#S256} thumbprint of RFC 8705 §3.1: the base64url encoding, without padding, of the SHA-256 hash
     * of the DER-encoded certificate. Compare it with a token's {@code cnf.x5t#S256} claim.
     */
    public static String x5tS256(X509Certificate certificate) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(certificate));
    }

    /** Lower-case hex SHA-256 of the DER encoding, as in Envoy's XFCC {@code Hash} field. */
    public static String sha256Hex(X509Certificate certificate) {
        return HexFormat.of().formatHex(sha256(certificate));
    }

    static byte[] sha256(X509Certificate certificate) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot hash certificate", e);
        }
    }

    /** The serial number in lower-case hex, the certificate's non-secret id in logs and audit events. */
    public static String serialHex(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }
}

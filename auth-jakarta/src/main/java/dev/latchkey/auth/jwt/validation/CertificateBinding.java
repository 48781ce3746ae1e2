package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.latchkey.auth.cert.CertificateThumbprints;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * Certificate-bound access tokens (RFC 8705 §3): a token whose {@code cnf} claim holds {@code x5t#S256} is accepted
 * only over a mutual-TLS connection whose client certificate has that SHA-256 thumbprint (base64url of the DER
 * certificate's digest, no padding, RFC 8705 §3.1). A DPoP-bound token ({@code cnf.jkt}, RFC 9449 §6.1) is accepted
 * only with the DPoP scheme, whose proof the DPoP kind checks (§7.2: "MUST reject a DPoP-bound access token received
 * as a bearer token"); a token bound to both a key and a certificate needs both (its certificate is checked here).
 * Any other {@code cnf} is refused rather than accepted as a plain bearer token.
 */
final class CertificateBinding {

    static final String THUMBPRINT = "x5t#S256";
    static final String JKT = "jkt";

    private CertificateBinding() {
    }

    /**
     * @param dpop whether the token came with the DPoP scheme (its key binding is checked with the proof)
     * @return the rejection, or {@code null} when the token is unbound or correctly bound
     */
    static JwtRejection check(JWTClaimsSet claims, X509Certificate clientCertificate, boolean dpop) {
        return check(claims.getClaim(VerifiedJwt.CNF), clientCertificate, dpop);
    }

    /** @param cnf the token's {@code cnf} claim (RFC 7800 §3.1), or null */
    static JwtRejection check(Object cnf, X509Certificate clientCertificate, boolean dpop) {
        if (cnf == null) {
            return null;
        }
        if (cnf instanceof Map<?, ?> confirmation && confirmation.get(JKT) instanceof String) {
            if (!dpop) {
                return JwtRejection.DPOP_AS_BEARER;
            }
            if (!confirmation.containsKey(THUMBPRINT)) {
                return null;
            }
            // bound to a certificate as well: the proof covers the key, the certificate must match too
        }
        if (!(cnf instanceof Map<?, ?> confirmation) || !(confirmation.get(THUMBPRINT) instanceof String expected)) {
            return JwtRejection.UNSUPPORTED_BINDING;
        }
        if (clientCertificate == null) {
            return JwtRejection.CERTIFICATE_REQUIRED;
        }
        String actual;
        try {
            actual = CertificateThumbprints.x5tS256(clientCertificate);
        } catch (IllegalStateException e) {
            return JwtRejection.CERTIFICATE_MISMATCH; // a certificate that cannot be encoded matches nothing
        }
        return MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII)) ? null : JwtRejection.CERTIFICATE_MISMATCH;
    }
}

package dev.latchkey.auth.dpop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.ThumbprintUtils;
import com.nimbusds.jwt.SignedJWT;

import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.Set;

/**
 * The public key a DPoP proof carries in its {@code jwk} header (RFC 9449 §4.2): checked to be public (§4.3 check 7),
 * of the type the algorithm needs, and used to verify the proof's signature (check 6). Its RFC 7638 SHA-256
 * thumbprint is what an access token's {@code cnf.jkt} names (§6.1).
 */
final class ProofKey {

    /** Members that hold private key material in any JWK type (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037 §2). */
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    /** RFC 7518 §3.3 and §3.5: RSA keys of at least 2048 bits. */
    static final int MIN_RSA_BITS = 2048;
    /** Larger RSA keys only cost verification time; no client needs more. */
    static final int MAX_RSA_BITS = 4096;
    /** A larger public exponent makes each verification slower at will (CPU exhaustion); 65537 is the norm. */
    static final BigInteger MAX_RSA_EXPONENT = BigInteger.ONE.shiftLeft(32);

    private ProofKey() {
    }

    /** Whether the raw {@code jwk} header member carries private or symmetric key material. */
    static boolean isPrivate(Object rawJwk) {
        return rawJwk instanceof Map<?, ?> members && members.keySet().stream().anyMatch(PRIVATE_MEMBERS::contains);
    }

    /**
     * Verifies the proof's signature with its own {@code jwk}.
     *
     * @return null when it verifies, otherwise what is wrong (a fixed phrase, never key material)
     */
    static String verify(SignedJWT proof, JWSAlgorithm alg, JWK jwk) {
        JWSVerifier verifier;
        try {
            verifier = verifier(alg, jwk);
        } catch (JOSEException e) {
            return "DPoP proof key is not usable";
        }
        if (verifier == null) {
            return "DPoP proof key does not fit its algorithm";
        }
        try {
            return proof.verify(verifier) ? null : "DPoP proof signature is invalid";
        } catch (JOSEException | RuntimeException e) {
            return "DPoP proof signature is invalid";
        }
    }

    /** The RFC 7638 SHA-256 thumbprint, base64url (RFC 9449 §6.1 {@code jkt}). */
    static String thumbprint(JWK jwk) {
        try {
            return ThumbprintUtils.compute("SHA-256", jwk).toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * The modulus measured by its bits (a {@code n} with leading zero bytes is no longer), between
     * {@value #MIN_RSA_BITS} and {@value #MAX_RSA_BITS}; an odd public exponent from 3 to 2^32.
     */
    private static boolean acceptable(RSAPublicKey key) {
        int bits = key.getModulus().bitLength();
        BigInteger e = key.getPublicExponent();
        return bits >= MIN_RSA_BITS && bits <= MAX_RSA_BITS && e.testBit(0) && e.compareTo(BigInteger.TWO) > 0
                && e.compareTo(MAX_RSA_EXPONENT) <= 0;
    }

    private static JWSVerifier verifier(JWSAlgorithm alg, JWK jwk) throws JOSEException {
        if (JWSAlgorithm.Family.EC.contains(alg) && jwk instanceof ECKey ec) {
            ECDSAVerifier verifier = new ECDSAVerifier(ec); // checks the curve and that the point is on it
            return verifier.supportedJWSAlgorithms().contains(alg) ? verifier : null;
        }
        if (JWSAlgorithm.Family.RSA.contains(alg) && jwk instanceof RSAKey rsa) {
            return acceptable(rsa.toRSAPublicKey()) ? new RSASSAVerifier(rsa) : null;
        }
        if (JWSAlgorithm.EdDSA.equals(alg) && jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
            return new Ed25519Verifier(okp);
        }
        return null;
    }
}

package dev.latchkey.auth.signature.keys;

import com.nimbusds.jose.jwk.Curve;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The HTTP signature algorithms Latchkey verifies (RFC 9421 §3.3, IANA "HTTP Signature Algorithms"). Each key in the
 * registry is bound to exactly one of them when it is registered; the {@code alg} parameter of a signature can only
 * confirm that binding, never choose (RFC 9421 §3.2 step 6, §7.3.6), so an HMAC secret is never used as a public key's
 * algorithm or the other way round.
 */
public enum SignatureAlgorithm {

    /** RFC 9421 §3.3.6: Ed25519 (RFC 8032 §5.1.6), no pre-hash, 64-byte signature. */
    ED25519("ed25519"),
    /** RFC 9421 §3.3.4: ECDSA over P-256 with SHA-256; the signature is {@code r || s}, 32 bytes each. */
    ECDSA_P256_SHA256("ecdsa-p256-sha256"),
    /** RFC 9421 §3.3.1: RSASSA-PSS, SHA-512, MGF1 with SHA-512, 64-byte salt. */
    RSA_PSS_SHA512("rsa-pss-sha512"),
    /** RFC 9421 §3.3.3: HMAC with SHA-256, compared in constant time. */
    HMAC_SHA256("hmac-sha256");

    /** The smallest RSA modulus accepted (NIST SP 800-57: 2048 bits). */
    public static final int MIN_RSA_BITS = 2048;
    /** The smallest HMAC secret accepted: 32 bytes, the SHA-256 output size (RFC 2104 §3). */
    public static final int MIN_HMAC_BYTES = 32;

    private static final Map<String, SignatureAlgorithm> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(SignatureAlgorithm::httpName, Function.identity()));

    private final String httpName;

    SignatureAlgorithm(String httpName) {
        this.httpName = httpName;
    }

    /** The registered name, as in the {@code alg} parameter. */
    public String httpName() {
        return httpName;
    }

    public static Optional<SignatureAlgorithm> byName(String name) {
        return Optional.ofNullable(name).map(BY_NAME::get);
    }

    public boolean symmetric() {
        return this == HMAC_SHA256;
    }

    /**
     * The algorithm a public key is bound to: Ed25519 keys to {@code ed25519}, P-256 keys to
     * {@code ecdsa-p256-sha256}, RSA keys of at least {@link #MIN_RSA_BITS} bits to {@code rsa-pss-sha512}.
     *
     * @throws IllegalArgumentException for any other key, naming what is wrong
     */
    public static SignatureAlgorithm forPublicKey(PublicKey key) {
        for (SignatureAlgorithm a : values()) {
            if (!a.symmetric() && a.suits(key)) {
                return a;
            }
        }
        if (key instanceof RSAKey rsa) {
            throw new IllegalArgumentException("RSA keys need at least " + MIN_RSA_BITS + " bits, this one has "
                    + rsa.getModulus().bitLength());
        }
        throw new IllegalArgumentException("unsupported public key (" + key.getAlgorithm()
                + "): use Ed25519, EC P-256 or RSA of at least " + MIN_RSA_BITS + " bits");
    }

    /** Whether {@code key} (public, private or secret) is the kind of key this algorithm uses. */
    public boolean suits(Key key) {
        return switch (this) {
            case ED25519 -> key instanceof EdECKey ed
                    && NamedParameterSpec.ED25519.getName().equalsIgnoreCase(ed.getParams().getName());
            case ECDSA_P256_SHA256 -> key instanceof ECKey ec && isP256(ec.getParams());
            case RSA_PSS_SHA512 -> key instanceof RSAKey rsa && rsa.getModulus().bitLength() >= MIN_RSA_BITS;
            case HMAC_SHA256 -> key instanceof SecretKey secret && secret.getEncoded() != null
                    && secret.getEncoded().length >= MIN_HMAC_BYTES;
        };
    }

    /** An HMAC key over {@code secret}. @throws IllegalArgumentException when shorter than {@link #MIN_HMAC_BYTES} */
    public static SecretKey hmacKey(byte[] secret) {
        if (secret.length < MIN_HMAC_BYTES) {
            throw new IllegalArgumentException("HMAC secrets need at least " + MIN_HMAC_BYTES + " bytes");
        }
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * {@code HTTP_VERIFY} (RFC 9421 §3.3). False for a wrong signature, a signature of the wrong length, or a key that
     * does not suit this algorithm; never throws for bad input.
     */
    public boolean verify(Key key, byte[] signatureBase, byte[] signature) {
        if (!suits(key)) {
            return false;
        }
        try {
            if (this == HMAC_SHA256) {
                return MessageDigest.isEqual(mac((SecretKey) key, signatureBase), signature);
            }
            if (!(key instanceof PublicKey publicKey)) {
                return false;
            }
            Signature verifier = jca();
            verifier.initVerify(publicKey);
            verifier.update(signatureBase);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // a malformed signature value is a failed verification, not an error
        }
    }

    /** {@code HTTP_SIGN} (RFC 9421 §3.3), for clients: a private key, or the HMAC secret. */
    public byte[] sign(Key key, byte[] signatureBase) throws GeneralSecurityException {
        if (!suits(key)) {
            throw new GeneralSecurityException(httpName + " cannot sign with a " + key.getAlgorithm() + " key");
        }
        if (this == HMAC_SHA256) {
            return mac((SecretKey) key, signatureBase);
        }
        Signature signer = jca();
        signer.initSign((PrivateKey) key);
        signer.update(signatureBase);
        return signer.sign();
    }

    private Signature jca() throws GeneralSecurityException {
        return switch (this) {
            case ED25519 -> Signature.getInstance("Ed25519");
            case ECDSA_P256_SHA256 -> Signature.getInstance("SHA256withECDSAinP1363Format");
            case RSA_PSS_SHA512 -> {
                Signature s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));
                yield s;
            }
            case HMAC_SHA256 -> throw new IllegalStateException("HMAC is not a signature");
        };
    }

    private static byte[] mac(SecretKey key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac.doFinal(data);
    }

    private static boolean isP256(ECParameterSpec params) {
        return params != null && Curve.P_256.equals(Curve.forECParameterSpec(params));
    }

    @Override
    public String toString() {
        return httpName;
    }
}

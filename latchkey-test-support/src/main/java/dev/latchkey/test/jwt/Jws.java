package dev.latchkey.test.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.opts.AllowWeakRSAKey;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;

/**
 * The JWS pieces below {@link TokenBuilder}: signers for any test key, compact serialization of hand-written header and
 * payload JSON (duplicate members, {@code crit}, nesting — what no JOSE library would produce), base64url (RFC 7515
 * §2), and reading the claims of a compact token.
 */
public final class Jws {

    private Jws() {
    }

    /** A signer for an RSA (any size, weak ones included), EC or Ed25519 private key. */
    public static JWSSigner signer(JWK key) {
        try {
            if (key instanceof RSAKey rsa) {
                return new RSASSASigner(rsa.toPrivateKey(), Set.of(AllowWeakRSAKey.getInstance()));
            }
            if (key instanceof ECKey ec) {
                return new ECDSASigner(ec);
            }
            return new Ed25519Signer((OctetKeyPair) key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The algorithm a key signs with by default: RS256, ES256/384/512 by curve, EdDSA. */
    public static JWSAlgorithm defaultAlgorithm(JWK key) {
        if (key instanceof RSAKey) {
            return JWSAlgorithm.RS256;
        }
        if (key instanceof ECKey ec) {
            return switch (ec.getCurve().getName()) {
                case "P-384" -> JWSAlgorithm.ES384;
                case "P-521" -> JWSAlgorithm.ES512;
                default -> JWSAlgorithm.ES256;
            };
        }
        return JWSAlgorithm.EdDSA;
    }

    /** A compact token of raw header and payload JSON, with {@code signature} (already base64url) as is. */
    public static String raw(String headerJson, String payloadJson, String signature) {
        return b64(headerJson) + "." + b64(payloadJson) + "." + signature;
    }

    /** Signs the exact bytes of hand-written header and payload JSON, so the JSON reaches the server as written. */
    public static String signRaw(String headerJson, String payloadJson, JWSSigner signer, JWSAlgorithm alg) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        try {
            return input + "." + signer.sign(new JWSHeader(alg), input.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unpadded base64url of the UTF-8 bytes of {@code text} (RFC 7515 §2). */
    public static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String b64(byte[] bytes) {
        return Base64URL.encode(bytes).toString();
    }

    /** The claims of a signed compact token (not verified). */
    public static Map<String, Object> claimsOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getClaims();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a signed JWT", e);
        }
    }
}

package dev.latchkey.tck;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.tck.logs.LogCapture;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Fixture factory for attack tokens: RSA and EC keys generated at test time, signed tokens with any header, and raw
 * signing of hand-written header and payload JSON (duplicate members, {@code crit}, nesting) that no JOSE library
 * would produce.
 */
public final class JoseKit {

    private JoseKit() {
    }

    public static RSAKey rsa(String kid) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(kid).generate();
            LogCapture.secret(key.getPrivateExponent().toString());
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey ec(String kid) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
            LogCapture.secret(key.getD().toString());
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public JWK Set (RFC 7517 §5) of {@code keys}. */
    public static String jwks(JWK... keys) {
        return new JWKSet(List.of(keys)).toPublicJWKSet().toString();
    }

    public static JWSSigner signer(JWK key) {
        try {
            return key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Valid claims for {@code issuer}/{@code audience}: ten minutes of life, a fresh {@code jti}. */
    public static JWTClaimsSet.Builder claims(String issuer, String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("alice")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** A token signed by {@code key}, with the header {@code header} makes of a {@code kid}-bearing builder. */
    public static String sign(JWK key, JWSAlgorithm alg, UnaryOperator<JWSHeader.Builder> header,
                              JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header.apply(new JWSHeader.Builder(alg).keyID(key.getKeyID())).build(),
                    claims);
            jwt.sign(signer(key));
            return remember(jwt.serialize());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs the exact bytes of hand-written JSON, so that the JSON reaches the server as written. */
    public static String signRaw(String headerJson, String payloadJson, JWSSigner signer, JWSAlgorithm alg) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        try {
            return remember(input + "." + signer.sign(new JWSHeader(alg), input.getBytes(StandardCharsets.US_ASCII)));
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

    /** The three parts of a compact token. */
    public static String[] parts(String token) {
        return token.split("\\.", -1);
    }

    private static String remember(String token) {
        LogCapture.secret(token);
        return token;
    }
}

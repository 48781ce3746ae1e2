package dev.latchkey.tck;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.tck.logs.SuiteLog;
import dev.latchkey.test.jwt.Jws;
import dev.latchkey.test.jwt.TestKeys;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Fixture factory for attack tokens over the test kit ({@link TestKeys}, {@link Jws}): fresh RSA and EC keys, signed
 * tokens with any header, and raw signing of hand-written header and payload JSON (duplicate members, {@code crit},
 * nesting) that no JOSE library would produce. Every key and token is remembered as a secret.
 */
public final class JoseKit {

    private JoseKit() {
    }

    public static RSAKey rsa(String kid) {
        RSAKey key = TestKeys.newRsa(kid);
        SuiteLog.secret(key.getPrivateExponent().toString());
        return key;
    }

    public static ECKey ec(String kid) {
        ECKey key = TestKeys.newEc(kid);
        SuiteLog.secret(key.getD().toString());
        return key;
    }

    /** A public JWK Set (RFC 7517 §5) of {@code keys}. */
    public static String jwks(JWK... keys) {
        return new JWKSet(List.of(keys)).toPublicJWKSet().toString();
    }

    public static JWSSigner signer(JWK key) {
        return Jws.signer(key);
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
        return remember(Jws.signRaw(headerJson, payloadJson, signer, alg));
    }

    /** Unpadded base64url of the UTF-8 bytes of {@code text} (RFC 7515 §2). */
    public static String b64(String text) {
        return Jws.b64(text);
    }

    public static String b64(byte[] bytes) {
        return Jws.b64(bytes);
    }

    /** The three parts of a compact token. */
    public static String[] parts(String token) {
        return token.split("\\.", -1);
    }

    private static String remember(String token) {
        SuiteLog.secret(token);
        return token;
    }
}

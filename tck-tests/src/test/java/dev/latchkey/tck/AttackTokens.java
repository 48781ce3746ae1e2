package dev.latchkey.tck;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;

import java.util.function.UnaryOperator;

/**
 * Fixture factory for the attack suites: the issuer's keys (RSA {@code k-rsa}, EC P-256 {@code k-ec}), the attacker's
 * (one reusing {@code k-rsa}, one of its own, a self-signed certificate), and builders of valid tokens
 * ({@code typ: at+jwt}) that the attacks then bend.
 */
public final class AttackTokens {

    public static final String ISSUER = "https://issuer.attack.test";
    public static final String AUDIENCE = "orders-api";
    public static final String TYP = "at+jwt";

    public final RSAKey rsa = JoseKit.rsa("k-rsa");
    public final ECKey ec = JoseKit.ec("k-ec");
    /** The attacker's RSA key under the issuer's kid. */
    public final RSAKey impostor = JoseKit.rsa("k-rsa");
    /** The attacker's RSA key under a kid of its own, advertised at the attacker's {@code jku}. */
    public final RSAKey attacker = JoseKit.rsa("evil-1");
    public final AttackerCertificate certificate = AttackerCertificate.generate();

    public JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> customize) {
        return customize.apply(JoseKit.claims(ISSUER, AUDIENCE)).build();
    }

    /** A token signed by {@code key} with {@code typ: at+jwt} and the key's kid, header and claims customised. */
    public String token(JWK key, JWSAlgorithm alg, UnaryOperator<JWSHeader.Builder> header,
                        UnaryOperator<JWTClaimsSet.Builder> claims) {
        return JoseKit.sign(key, alg, h -> header.apply(h.type(new JOSEObjectType(TYP))), claims(claims));
    }

    public String validRsa() {
        return token(rsa, JWSAlgorithm.RS256, h -> h, c -> c);
    }

    public String validEc() {
        return token(ec, JWSAlgorithm.ES256, h -> h, c -> c);
    }

    /** The JSON header of a valid RS256 token. */
    public String rsaHeader() {
        return "{\"alg\":\"RS256\",\"typ\":\"" + TYP + "\",\"kid\":\"k-rsa\"}";
    }

    /** The payload JSON of a valid token, without its closing brace, so that members can be appended. */
    public String openPayload(UnaryOperator<JWTClaimsSet.Builder> claims) {
        String json = claims(claims).toString();
        return json.substring(0, json.lastIndexOf('}'));
    }

    /** Hand-written header and payload JSON, signed RS256 by {@code key}. */
    public String signedRs256(String headerJson, String payloadJson, RSAKey key) {
        return JoseKit.signRaw(headerJson, payloadJson, JoseKit.signer(key), JWSAlgorithm.RS256);
    }

    /** {@code token} with its signature replaced by {@code signature}. */
    public static String withSignature(String token, byte[] signature) {
        return token.substring(0, token.lastIndexOf('.') + 1) + JoseKit.b64(signature);
    }

    /** The last character of {@code token} with its lowest unused bit set: other bytes under a lenient decoder. */
    public static String setTrailingBit(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(token.charAt(token.length() - 1));
        if ((last & 0x0F) != 0) {
            throw new IllegalArgumentException("the last character has no 4 unused bits clear");
        }
        return token.substring(0, token.length() - 1) + alphabet.charAt(last | 0x01);
    }
}

package dev.latchkey.auth.dpop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * DPoP proofs for tests, made independently of the verifier: well-formed ones by Nimbus oauth2-oidc-sdk's
 * {@link DefaultDPoPProofFactory}, malformed ones by hand (header and claims as JSON, signed with Nimbus JOSE).
 * Keys are generated at test time.
 */
final class DPoPProofs {

    static final String TOKEN = "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU";

    private DPoPProofs() {
    }

    static ECKey ecKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey rsaKey(int bits) {
        try {
            return new RSAKeyGenerator(bits, true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Header and claims signed RS256 by a 1024-bit key (Nimbus's generator and default signer refuse such keys). */
    static String weakRsaSigned(java.util.function.Function<JWK, Map<String, Object>> header,
                                Map<String, Object> claims) {
        return rsaSigned(1024, java.security.spec.RSAKeyGenParameterSpec.F4, header, claims);
    }

    /** Header and claims signed RS256 by a {@code bits}-bit key with public exponent {@code exponent}. */
    static String rsaSigned(int bits, java.math.BigInteger exponent,
                            java.util.function.Function<JWK, Map<String, Object>> header, Map<String, Object> claims) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(new java.security.spec.RSAKeyGenParameterSpec(bits, exponent));
            java.security.KeyPair pair = generator.generateKeyPair();
            RSAKey weak = new RSAKey.Builder((java.security.interfaces.RSAPublicKey) pair.getPublic()).build();
            String signingInput = encode(header.apply(weak)) + "." + encode(claims);
            Base64URL signature = new com.nimbusds.jose.crypto.RSASSASigner(pair.getPrivate(), true)
                    .sign(new JWSHeader(JWSAlgorithm.RS256), signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + signature;
        } catch (JOSEException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static OctetKeyPair edKey() {
        try {
            return new OctetKeyPairGenerator(Curve.Ed25519).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String jkt(JWK key) {
        try {
            return key.toPublicJWK().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A proof made by oauth2-oidc-sdk's factory. */
    static String sdk(JWK key, JWSAlgorithm alg, String htm, String htu, Instant iat, String token, String nonce) {
        try {
            return new DefaultDPoPProofFactory(key, alg).createDPoPJWT(new JWTID(), htm, URI.create(htu),
                    Date.from(iat), token == null ? null : new DPoPAccessToken(token),
                    nonce == null ? null : new Nonce(nonce)).serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The usual claims of a proof for {@code token}, as a mutable map to break. */
    static Map<String, Object> claims(String htm, String htu, Instant iat, String token) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("htm", htm);
        claims.put("htu", htu);
        claims.put("iat", iat.getEpochSecond());
        if (token != null) {
            claims.put("ath", DPoPProofVerifier.accessTokenHash(token));
        }
        return claims;
    }

    /** The usual header for {@code key}, as a mutable map to break. */
    static Map<String, Object> header(JWK key, JWSAlgorithm alg) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "dpop+jwt");
        header.put("alg", alg.getName());
        header.put("jwk", key.toPublicJWK().toJSONObject());
        return header;
    }

    /** Header and claims as given, signed with {@code signer} under {@code alg} (whatever the header says). */
    static String signed(Map<String, Object> header, Map<String, Object> claims, JWK signer, JWSAlgorithm alg) {
        String signingInput = encode(header) + "." + encode(claims);
        try {
            JWSSigner jwsSigner = new DefaultJWSSignerFactory().createJWSSigner(signer, alg);
            Base64URL signature = jwsSigner.sign(new JWSHeader(alg), signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(Map<String, Object> json) {
        return Base64URL.encode(JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8)).toString();
    }
}

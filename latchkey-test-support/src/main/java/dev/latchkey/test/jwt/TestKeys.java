package dev.latchkey.test.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signing keys generated at test time. {@link #rsa(String)}, {@link #ec(String)} and {@link #ed25519(String)} return
 * one key per key id for the whole test run (RSA generation is slow); the {@code new…} methods always generate a
 * fresh key, e.g. an attacker's key that claims the issuer's {@code kid}.
 */
public final class TestKeys {

    private static final Map<String, JWK> CACHE = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    /** A 2048-bit RSA key with {@code kid}, the same for every call in this run. */
    public static RSAKey rsa(String kid) {
        return (RSAKey) CACHE.computeIfAbsent("rsa:" + kid, k -> newRsa(kid, 2048));
    }

    /** An RSA key of {@code bits} (below 2048 too: weak keys for negative tests), the same for every call. */
    public static RSAKey rsa(String kid, int bits) {
        return (RSAKey) CACHE.computeIfAbsent("rsa" + bits + ":" + kid, k -> newRsa(kid, bits));
    }

    /** A P-256 key with {@code kid}, the same for every call. */
    public static ECKey ec(String kid) {
        return ec(kid, Curve.P_256);
    }

    public static ECKey ec(String kid, Curve curve) {
        return (ECKey) CACHE.computeIfAbsent("ec:" + curve + ":" + kid, k -> newEc(kid, curve));
    }

    /** An Ed25519 key pair with {@code kid}, the same for every call. */
    public static OctetKeyPair ed25519(String kid) {
        return (OctetKeyPair) CACHE.computeIfAbsent("ed:" + kid, k -> generate(
                () -> new OctetKeyPairGenerator(Curve.Ed25519).keyID(kid).generate()));
    }

    /** A fresh 2048-bit RSA key. */
    public static RSAKey newRsa(String kid) {
        return newRsa(kid, 2048);
    }

    /** A fresh RSA key of {@code bits}; Nimbus's generator refuses fewer than 2048, so the JDK's is used. */
    public static RSAKey newRsa(String kid, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(kid).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh P-256 key. */
    public static ECKey newEc(String kid) {
        return newEc(kid, Curve.P_256);
    }

    public static ECKey newEc(String kid, Curve curve) {
        return generate(() -> new ECKeyGenerator(curve).keyID(kid).generate());
    }

    /** A fresh key of the same type (and curve) as {@code like}, under the same {@code kid}: an impostor's key. */
    public static JWK newLike(JWK like) {
        if (like instanceof RSAKey rsa) {
            return newRsa(rsa.getKeyID(), rsa.size());
        }
        if (like instanceof ECKey ec) {
            return newEc(ec.getKeyID(), ec.getCurve());
        }
        return generate(() -> new OctetKeyPairGenerator(Curve.Ed25519).keyID(like.getKeyID()).generate());
    }

    private interface Generator<K> {
        K generate() throws JOSEException;
    }

    private static <K> K generate(Generator<K> generator) {
        try {
            return generator.generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

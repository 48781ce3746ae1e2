package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * Conversions between Ed25519 keys as JWKs (RFC 8037 §2: raw 32-byte {@code x}) and as JDK public keys
 * (SubjectPublicKeyInfo, RFC 8410 §4). Nimbus cannot export an {@link OctetKeyPair} as a {@link PublicKey}, which
 * its key selector needs; Latchkey bridges that gap here.
 */
public final class Ed25519Keys {

    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519Keys() {
    }

    /** The raw public key of an Ed25519 SubjectPublicKeyInfo, or empty for any other key. */
    public static Optional<byte[]> raw(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki != null && spki.length == SPKI_PREFIX.length + 32
                && Arrays.equals(Arrays.copyOf(spki, SPKI_PREFIX.length), SPKI_PREFIX)) {
            return Optional.of(Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length));
        }
        return Optional.empty();
    }

    public static OctetKeyPair toJwk(PublicKey key) {
        byte[] x = raw(key).orElseThrow(() -> new IllegalArgumentException("not an Ed25519 public key"));
        return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).build();
    }

    public static PublicKey toPublicKey(OctetKeyPair jwk) {
        byte[] x = jwk.getDecodedX();
        if (!Curve.Ed25519.equals(jwk.getCurve()) || x.length != 32) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(x, 0, spki, SPKI_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
    }
}

package dev.latchkey.auth.signature.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.latchkey.auth.jwt.keys.Ed25519Keys;
import dev.latchkey.auth.jwt.keys.KeyMaterialParser;

import java.security.PublicKey;
import java.text.ParseException;

/**
 * Public keys of the registry: read from PEM ({@code PUBLIC KEY} or a certificate) or a JWK by
 * {@link KeyMaterialParser} (private keys refused), kept as a public JWK (RFC 7517; Ed25519 as RFC 8037 OKP), turned
 * back into JDK keys for verification.
 */
public final class PublicKeys {

    private PublicKeys() {
    }

    /**
     * The one public key in {@code text}, as a JWK without private members.
     *
     * @throws IllegalArgumentException when the text holds no key, several, or a private key (the message never
     *                                  echoes key material)
     */
    public static JWK parse(String text) {
        JWKSet set = KeyMaterialParser.parse(text);
        if (set.getKeys().size() != 1) {
            throw new IllegalArgumentException("expected exactly one public key, found " + set.getKeys().size());
        }
        JWK jwk = set.getKeys().get(0);
        if (jwk.isPrivate()) {
            throw new IllegalArgumentException("a private key was supplied: register the public key only");
        }
        return jwk.toPublicJWK();
    }

    /** The JDK key of a stored public JWK. @throws IllegalArgumentException when it is not a usable public key */
    public static PublicKey toPublicKey(String jwkJson) {
        try {
            JWK jwk = JWK.parse(jwkJson);
            return toPublicKey(jwk);
        } catch (ParseException e) {
            throw new IllegalArgumentException("stored public key is not a JWK");
        }
    }

    static PublicKey toPublicKey(JWK jwk) {
        if (jwk instanceof OctetKeyPair okp) {
            return Ed25519Keys.toPublicKey(okp);
        }
        if (jwk instanceof AsymmetricJWK asymmetric) {
            try {
                return asymmetric.toPublicKey();
            } catch (JOSEException e) {
                throw new IllegalArgumentException("not a usable public key");
            }
        }
        throw new IllegalArgumentException("not a public key (kty " + jwk.getKeyType() + ")");
    }
}

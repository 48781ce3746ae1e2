package dev.latchkey.auth.signature.keys;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Key pairs generated at test time, and their public halves as PEM. */
public final class TestKeys {

    private TestKeys() {
    }

    public static KeyPair ed25519() {
        return generate("Ed25519", null, 0);
    }

    public static KeyPair p256() {
        return generate("EC", "secp256r1", 0);
    }

    public static KeyPair p384() {
        return generate("EC", "secp384r1", 0);
    }

    public static KeyPair rsa(int bits) {
        return generate("RSA", null, bits);
    }

    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static KeyPair generate(String algorithm, String curve, int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                g.initialize(new ECGenParameterSpec(curve));
            } else if (bits > 0) {
                g.initialize(bits);
            }
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns key text in any form MicroProfile JWT 2.1 §9.2 allows into a {@link JWKSet}: a PEM public key or certificate,
 * a JWK, a JWKS, or either of those Base64URL-encoded (plain Base64 DER of a public key is also read). Uses only the
 * JDK and Nimbus (no BouncyCastle).
 *
 * <p>{@link #parse} refuses private keys: a verifier must hold public keys only. {@link #parsePrivate} reads the
 * decryption key formats instead (MicroProfile JWT 2.1 {@code mp.jwt.decrypt.key.location}): PKCS#8 PEM
 * ({@code PRIVATE KEY}, RSA), JWK, JWKS or Base64URL JWK/JWKS. Error messages never echo key material.
 */
public final class KeyMaterialParser {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private KeyMaterialParser() {
    }

    /** Public keys. @throws IllegalArgumentException naming the problem, never the key */
    public static JWKSet parse(String text) {
        return parse(text, false);
    }

    /** Private (decryption) keys. @throws IllegalArgumentException naming the problem, never the key */
    public static JWKSet parsePrivate(String text) {
        return parse(text, true);
    }

    private static JWKSet parse(String text, boolean privateKeys) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("no key material");
        }
        if (t.startsWith("-----BEGIN")) {
            return parsePem(t, privateKeys);
        }
        if (t.startsWith("{")) {
            return parseJson(t);
        }
        // Nimbus's codec reads both alphabets (RFC 4648 §4 and §5), with or without padding and line breaks.
        byte[] decoded = new Base64(t).decode();
        if (decoded.length > 0 && decoded[0] == '{') {
            return parseJson(new String(decoded, StandardCharsets.UTF_8));
        }
        if (privateKeys) {
            throw new IllegalArgumentException("not a PKCS#8 PEM private key, JWK or JWKS");
        }
        return new JWKSet(fromPublicKey(decodeSpki(decoded)));
    }

    static JWKSet parseJson(String json) {
        try {
            if (json.contains("\"keys\"")) {
                return JWKSet.parse(json);
            }
            return new JWKSet(JWK.parse(json));
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("invalid JWK or JWKS JSON");
        }
    }

    private static JWKSet parsePem(String text, boolean privateKeys) {
        Matcher m = PEM.matcher(text);
        List<JWK> keys = new ArrayList<>();
        while (m.find()) {
            String type = m.group(1);
            byte[] der = new Base64(m.group(2)).decode();
            if (privateKeys) {
                if (!type.equals("PRIVATE KEY")) {
                    throw new IllegalArgumentException("unsupported PEM type '" + type + "': use an unencrypted"
                            + " PKCS#8 'PRIVATE KEY'");
                }
                keys.add(rsaPrivate(der));
                continue;
            }
            switch (type) {
                case "PUBLIC KEY" -> keys.add(fromPublicKey(decodeSpki(der)));
                case "RSA PUBLIC KEY" -> throw new IllegalArgumentException(
                        "PKCS#1 'RSA PUBLIC KEY' PEM is not supported: use 'PUBLIC KEY' (SubjectPublicKeyInfo)");
                case "CERTIFICATE" -> keys.add(fromPublicKey(certificateKey(der)));
                default -> {
                    if (type.contains("PRIVATE")) {
                        throw new IllegalArgumentException("a private key was supplied where a public key is expected");
                    }
                    throw new IllegalArgumentException("unsupported PEM type '" + type + "'");
                }
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no PEM block found");
        }
        return new JWKSet(keys);
    }

    private static RSAKey rsaPrivate(byte[] pkcs8) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            if (!(factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)) instanceof RSAPrivateCrtKey key)) {
                throw new IllegalArgumentException("not an RSA private key with CRT parameters");
            }
            RSAPublicKey pub = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new RSAKey.Builder(pub).privateKey(key).build();
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key");
        }
    }

    private static PublicKey certificateKey(byte[] der) {
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return cert.getPublicKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid PEM certificate");
        }
    }

    private static PublicKey decodeSpki(byte[] der) {
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next key type
            }
        }
        throw new IllegalArgumentException("not an RSA, EC or Ed25519 public key (SubjectPublicKeyInfo)");
    }

    static JWK fromPublicKey(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return new RSAKey.Builder(rsa).build();
        }
        if (key instanceof ECPublicKey ec) {
            Curve curve = Curve.forECParameterSpec(ec.getParams());
            if (curve == null) {
                throw new IllegalArgumentException("unsupported EC curve");
            }
            return new ECKey.Builder(curve, ec).build();
        }
        if (Ed25519Keys.raw(key).isPresent()) {
            return Ed25519Keys.toJwk(key);
        }
        throw new IllegalArgumentException("unsupported public key type " + key.getAlgorithm());
    }
}

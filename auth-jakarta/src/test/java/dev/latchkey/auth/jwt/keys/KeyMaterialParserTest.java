package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.latchkey.auth.fixtures.TestPki;
import dev.latchkey.devcerts.DevCertificateFiles;
import dev.latchkey.test.jwt.TestKeys;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KeyMaterialParserTest {

    private final RSAKey rsa = TestKeys.rsa("rsa-1");

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }

    @Test
    void whenPemPublicKeyThenOneRsaJwk() throws Exception {
        JWKSet set = KeyMaterialParser.parse(pem("PUBLIC KEY", rsa.toPublicKey().getEncoded()));
        assertEquals(rsa.toPublicJWK().getModulus(), ((RSAKey) set.getKeys().get(0)).getModulus());
    }

    @Test
    void whenPemEcAndEd25519KeysThenParsed() throws Exception {
        var ec = TestKeys.ec("ec-1");
        assertEquals(ec.getX(), ((com.nimbusds.jose.jwk.ECKey) KeyMaterialParser.parse(
                pem("PUBLIC KEY", ec.toPublicKey().getEncoded())).getKeys().get(0)).getX());
        OctetKeyPair ed = TestKeys.ed25519("ed");
        byte[] spki = Ed25519Keys.toPublicKey(ed.toPublicJWK().toOctetKeyPair()).getEncoded();
        assertEquals(ed.getX(), ((OctetKeyPair) KeyMaterialParser.parse(pem("PUBLIC KEY", spki)).getKeys().get(0)).getX());
    }

    @Test
    void whenPemCertificateThenItsPublicKey() throws Exception {
        X509Certificate cert = TestPki.selfSigned("issuer");
        JWK jwk = KeyMaterialParser.parse(DevCertificateFiles.pem(cert)).getKeys().get(0);
        assertEquals(List.of(cert.getPublicKey().getEncoded().length), List.of(jwk.toECKey().toPublicKey().getEncoded().length));
    }

    @Test
    void whenJwkJwksOrBase64UrlJwkThenParsed() {
        String jwk = rsa.toPublicJWK().toJSONString();
        assertEquals(1, KeyMaterialParser.parse(jwk).getKeys().size());
        assertEquals(2, KeyMaterialParser.parse(new JWKSet(List.of(rsa.toPublicJWK(), TestKeys.ec("e").toPublicJWK()))
                .toString()).getKeys().size());
        assertEquals("rsa-1", KeyMaterialParser.parse(Base64URL.encode(jwk).toString()).getKeys().get(0).getKeyID());
        assertEquals(1, KeyMaterialParser.parse(Base64URL.encode(new JWKSet(rsa.toPublicJWK()).toString()).toString())
                .getKeys().size());
    }

    @Test
    void whenBase64DerWithoutPemArmourThenParsed() throws Exception {
        String b64 = Base64.getEncoder().encodeToString(rsa.toPublicKey().getEncoded());
        assertEquals(1, KeyMaterialParser.parse(b64).getKeys().size());
    }

    @Test
    void whenBase64UrlDerOrPaddedBase64JwkThenParsed() throws Exception {
        String der = Base64URL.encode(rsa.toPublicKey().getEncoded()).toString();
        assertEquals(1, KeyMaterialParser.parse(der).getKeys().size());
        String jwk = Base64.getMimeEncoder().encodeToString(rsa.toPublicJWK().toJSONString().getBytes(UTF_8));
        assertEquals("rsa-1", KeyMaterialParser.parse(jwk).getKeys().get(0).getKeyID());
    }

    @Test
    void whenPrivateKeyPemThenRefusedWithoutEchoingIt() throws Exception {
        String privatePem = pem("PRIVATE KEY", rsa.toPrivateKey().getEncoded());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyMaterialParser.parse(privatePem));
        assertEquals("a private key was supplied where a public key is expected", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeyMaterialParser.parse(pem("RSA PRIVATE KEY", new byte[10])));
    }

    @Test
    void whenGarbageThenRefusedWithoutEchoingIt() {
        for (String junk : List.of("", "   ", "{not json", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
                "!!!", "{\"kty\":\"RSA\"}", "-----BEGIN FOO-----\nAAAA\n-----END FOO-----")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyMaterialParser.parse(junk));
            assertFalse(junk.length() > 3 && e.getMessage().contains(junk), e.getMessage());
        }
    }

    @Test
    void whenPrivateModeThenPkcs8PemAndJwkReadAndPublicFormsRefused() throws Exception {
        String privatePem = pem("PRIVATE KEY", rsa.toPrivateKey().getEncoded());
        RSAKey read = (RSAKey) KeyMaterialParser.parsePrivate(privatePem).getKeys().get(0);
        assertEquals(rsa.getModulus(), read.getModulus());
        assertEquals(true, read.isPrivate());
        assertEquals("rsa-1", KeyMaterialParser.parsePrivate(rsa.toJSONString()).getKeys().get(0).getKeyID());
        IllegalArgumentException pub = assertThrows(IllegalArgumentException.class,
                () -> KeyMaterialParser.parsePrivate(pem("PUBLIC KEY", rsa.toPublicKey().getEncoded())));
        assertEquals("unsupported PEM type 'PUBLIC KEY': use an unencrypted PKCS#8 'PRIVATE KEY'", pub.getMessage());
        String der = Base64.getEncoder().encodeToString(rsa.toPrivateKey().getEncoded());
        IllegalArgumentException raw = assertThrows(IllegalArgumentException.class,
                () -> KeyMaterialParser.parsePrivate(der));
        assertFalse(raw.getMessage().contains(der.substring(0, 20)), raw.getMessage());
    }
}

package dev.latchkey.sample.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DevSigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void whenGeneratedThenRsa2048WithThumbprintKidAndPublicOnlyJwks() throws Exception {
        DevSigningKey key = DevSigningKey.ensure(dir);
        assertTrue(key.generated());
        assertTrue(key.privateKey().size() >= 2048);
        assertEquals(key.privateKey().computeThumbprint().toString(), key.keyId()); // RFC 7638

        JWKSet published = JWKSet.parse(Files.readString(key.jwksFile()));
        assertEquals(1, published.getKeys().size());
        JWK only = published.getKeys().get(0);
        assertFalse(only.isPrivate());
        assertEquals(key.keyId(), only.getKeyID());
        assertFalse(Files.readString(key.jwksFile()).contains("\"d\""));
    }

    @Test
    void whenKeyExistsThenEnsureReusesIt() throws Exception {
        String kid = DevSigningKey.ensure(dir).keyId();
        DevSigningKey again = DevSigningKey.ensure(dir);
        assertFalse(again.generated());
        assertEquals(kid, again.keyId());
        assertNotEquals(kid, DevSigningKey.generate(dir).keyId());
    }

    @Test
    void whenGeneratedOnPosixThenPrivateKeyFileIsOwnerOnly() throws Exception {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "not POSIX");
        DevSigningKey.ensure(dir);
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(DevSigningKey.PRIVATE_KEY_FILE))));
    }

    @Test
    void whenPrintedThenNoPrivateKeyMaterial() throws Exception {
        DevSigningKey key = DevSigningKey.ensure(dir);
        assertFalse(key.toString().contains(key.privateKey().getPrivateExponent().toString()));
        assertTrue(key.toString().contains(key.keyId()));
    }

    @Test
    void whenPrivateKeyFileIsGarbageThenIoErrorWithoutItsContent() throws Exception {
        DevSigningKey.ensure(dir);
        Files.writeString(dir.resolve(DevSigningKey.PRIVATE_KEY_FILE), "{\"kty\":\"RSA\",\"n\":\"secret-ish\"");
        var e = assertThrows(java.io.IOException.class, () -> DevSigningKey.ensure(dir));
        assertFalse(e.getMessage().contains("secret-ish"), e.getMessage());
    }

    @Test
    void whenOnlyJwksMissingThenRewrittenFromThePrivateKeyNotRegenerated() throws Exception {
        DevSigningKey first = DevSigningKey.ensure(dir);
        Files.delete(first.jwksFile());

        DevSigningKey again = DevSigningKey.ensure(dir);
        assertFalse(again.generated());
        assertEquals(first.keyId(), again.keyId());
        JWK published = JWKSet.parse(Files.readString(again.jwksFile())).getKeys().get(0);
        assertFalse(published.isPrivate());
        assertEquals(first.privateKey().toPublicJWK(), published);
    }
}

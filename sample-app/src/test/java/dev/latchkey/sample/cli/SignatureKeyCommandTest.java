package dev.latchkey.sample.cli;

import dev.latchkey.sample.Main;
import dev.latchkey.sample.fixtures.CapturedIo;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code signature ...} through {@link Main}, on a key file and a development KEK in a temporary directory. */
class SignatureKeyCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() {
        System.setProperty("latchkey.signature.file", dir.resolve("signature-keys.json").toString());
        System.setProperty("latchkey.sample.signature-kek-file", dir.resolve("signature-kek").toString());
        release();
    }

    @AfterEach
    void clear() {
        System.clearProperty("latchkey.signature.file");
        System.clearProperty("latchkey.sample.signature-kek-file");
        release();
    }

    private static void release() {
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    private static CapturedIo run(String... args) {
        CapturedIo captured = new CapturedIo();
        assertEquals(0, Main.run(args, captured.io()), captured.err());
        return captured;
    }

    @Test
    void whenHmacKeyCreatedThenSecretPrintedOnceAndKeptSealed() throws Exception {
        CapturedIo created = run("signature", "hmac", "--client", "partner-b", "--scopes", "orders:read,orders:write");
        String id = created.line("id:");
        String secret = created.line("secret:");
        assertEquals(32, Base64.getDecoder().decode(secret).length);
        assertEquals("hmac-sha256", created.line("algorithm:"));
        String file = Files.readString(dir.resolve("signature-keys.json"));
        assertTrue(file.contains(id));
        assertFalse(file.contains(secret), "the secret is stored sealed only");
        assertTrue(Files.exists(dir.resolve("signature-kek")));
        String list = run("signature", "list").out();
        assertTrue(list.contains(id) && list.contains("ACTIVE") && !list.contains(secret), list);
        CapturedIo rotated = run("signature", "rotate", id, "--grace", "PT1H");
        assertFalse(rotated.line("secret:").equals(secret));
        assertTrue(rotated.out().contains("The old key " + id + " keeps working until"), rotated.out());
        assertTrue(run("signature", "revoke", id).out().startsWith("Revoked " + id));
    }

    @Test
    void whenPublicKeyRegisteredFromPemThenBoundToItsAlgorithm() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        Path pem = dir.resolve("client.pub.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder()
                .encodeToString(g.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        CapturedIo registered = run("signature", "register", "--client", "partner-a", "--public-key", pem.toString(),
                "--scopes", "orders:read", "--expires", "P90D");
        assertEquals("ed25519", registered.line("algorithm:"));
        assertFalse(registered.out().contains("secret:"));
    }

    @Test
    void whenPublicKeyFileMissingOrPrivateThenExit1WithoutStackTrace() throws Exception {
        CapturedIo missing = new CapturedIo();
        assertEquals(1, Main.run(new String[]{"signature", "register", "--client", "a", "--public-key",
                dir.resolve("nope.pem").toString()}, missing.io()));
        assertFalse(missing.err().contains("\tat "), missing.err());
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        Path key = dir.resolve("private.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder()
                .encodeToString(g.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        CapturedIo refused = new CapturedIo();
        assertEquals(1, Main.run(new String[]{"signature", "register", "--client", "a", "--public-key",
                key.toString()}, refused.io()));
        assertTrue(refused.err().contains("private key"), refused.err());
    }
}

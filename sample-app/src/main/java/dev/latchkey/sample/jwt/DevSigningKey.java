package dev.latchkey.sample.jwt;

import dev.latchkey.auth.file.AtomicFile;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * The sample's development token-signing key: an RSA 2048-bit key pair (RS256, RFC 7518 §3.3) whose {@code kid} is
 * its RFC 7638 JWK thumbprint (SHA-256), kept in {@code latchkey.sample.jwt-dir} (default {@code .latchkey/jwt}):
 * <ul>
 *   <li>{@value #PRIVATE_KEY_FILE}: the private JWK (RFC 7517 §4), owner-only (POSIX 600) from its creation;</li>
 *   <li>{@value #JWKS_FILE}: the public JWK Set (RFC 7517 §5) that {@code GET /.well-known/jwks.json} serves.</li>
 * </ul>
 * {@link #toString()} never prints the private key (Nimbus's {@code RSAKey.toString()} would). Development only.
 */
public record DevSigningKey(Path directory, RSAKey key, boolean generated) {

    public static final String PRIVATE_KEY_FILE = "signing-key.jwk.json";
    public static final String JWKS_FILE = "jwks.json";
    private static final int BITS = 2048;


    /**
     * Loads the key pair in {@code dir}: the private key when present (its public set rewritten from it when
     * {@value #JWKS_FILE} is missing), else a freshly generated pair.
     */
    public static DevSigningKey ensure(Path dir) throws IOException {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        if (!Files.isRegularFile(privateFile)) {
            return generate(dir);
        }
        RSAKey key;
        try {
            key = RSAKey.parse(Files.readString(privateFile, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IOException(privateFile + " is not an RSA JWK"); // no parser message: it may quote the file
        }
        if (!key.isPrivate()) {
            throw new IOException(privateFile + " holds no private key");
        }
        if (!Files.isRegularFile(dir.resolve(JWKS_FILE))) {
            writeJwks(dir, key);
        }
        return new DevSigningKey(dir, key, false);
    }

    /** Generates a fresh key pair into {@code dir}, replacing any previous one. */
    public static DevSigningKey generate(Path dir) throws IOException {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(BITS).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IOException("cannot generate an RSA key: " + e.getMessage(), e);
        }
        Files.createDirectories(dir);
        // Private key first, owner-only from its creation; then the public set that names it.
        write(dir.resolve(PRIVATE_KEY_FILE), key.toJSONString());
        writeJwks(dir, key);
        return new DevSigningKey(dir, key, true);
    }

    /** The public JWK Set naming only the public half of {@code key}. */
    private static void writeJwks(Path dir, RSAKey key) throws IOException {
        write(dir.resolve(JWKS_FILE), new JWKSet(key.toPublicJWK()).toString(true));
    }

    /** The private signing key; never log or print it. */
    public RSAKey privateKey() {
        return key;
    }

    public String keyId() {
        return key.getKeyID();
    }

    public Path jwksFile() {
        return directory.resolve(JWKS_FILE);
    }

    /** Names the files and the {@code kid} only. */
    @Override
    public String toString() {
        return "DevSigningKey[directory=" + directory + ", kid=" + keyId() + ", generated=" + generated + "]";
    }

    /** Writes through an owner-only temporary file in the same directory, moved into place (no half files). */
    static void write(Path target, String content) throws IOException {
        AtomicFile.replace(target, out -> out.write(content + "\n"));
    }
}

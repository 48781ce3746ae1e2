package dev.latchkey.auth.signature;

import dev.latchkey.auth.signature.digest.ContentDigest;
import dev.latchkey.auth.signature.digest.BodyRequests;
import dev.latchkey.auth.signature.keys.IssuedKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Signatures made by an independent implementation: the signature base written by a shell script with
 * {@code printf} and signed by the {@code openssl} command line (the script the README's "Signed requests" section
 * shows), verified by Latchkey. Skipped where bash or openssl is missing.
 */
class OpensslInteropTest {

    private static final String BODY = "{\"item\":\"book\",\"qty\":2}";
    private static final String URL = "https://api.example.com/orders?src=cli";

    @TempDir
    static Path dir;

    @BeforeAll
    static void toolsPresent() {
        assumeTrue(run(List.of("openssl", "version"), Map.of()) != null, "openssl is not installed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa-p256-sha256", "rsa-pss-sha512", "hmac-sha256"})
    void whenOpensslSignsTheScriptsBaseThenLatchkeyVerifiesIt(String alg) throws Exception {
        SignatureFixture fx = new SignatureFixture();
        Map<String, String> env = new LinkedHashMap<>(Map.of("METHOD", "POST", "URL", URL, "BODY", BODY, "ALG", alg,
                "NOW", Long.toString(fx.clock.instant().getEpochSecond())));
        IssuedKey key;
        if (alg.equals("hmac-sha256")) {
            key = fx.hmac;
            env.put("SECRET", key.secret().orElseThrow());
        } else {
            Path pem = dir.resolve(alg + ".pem");
            List<String> genpkey = switch (alg) {
                case "ed25519" -> List.of("openssl", "genpkey", "-algorithm", "ed25519", "-out", pem.toString());
                case "ecdsa-p256-sha256" -> List.of("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt",
                        "ec_paramgen_curve:P-256", "-out", pem.toString());
                default -> List.of("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
                        "-out", pem.toString());
            };
            run(genpkey, Map.of());
            String publicPem = run(List.of("openssl", "pkey", "-in", pem.toString(), "-pubout"), Map.of());
            key = fx.service.registerPublicKey("cli-" + alg, publicPem, Set.of(), Set.of(), null);
            env.put("KEY", pem.toString());
        }
        env.put("KEYID", key.keyId());
        Path script = dir.resolve("openssl-sign.sh");
        try (var in = OpensslInteropTest.class.getResourceAsStream("openssl-sign.sh")) {
            Files.write(script, in.readAllBytes());
        }
        String out = run(List.of("bash", script.toString()), env);
        Map<String, List<String>> headers = new LinkedHashMap<>(Map.of("Content-Type", List.of("application/json")));
        for (String line : out.strip().split("\n")) {
            int colon = line.indexOf(": ");
            headers.put(line.substring(0, colon), List.of(line.substring(colon + 2)));
        }
        VerifiedSignature verified = fx.verifier.verify(new UriRequestComponents("POST", URI.create(URL), headers,
                true)).orElseThrow();
        assertEquals(key.keyId(), verified.keyId());
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        ContentDigest digest = ContentDigest.parse(headers.get("Content-Digest"), fx.settings.digest().algorithms());
        assertArrayEquals(body, fx.settings.digest().gate().check(BodyRequests.of(body), digest).getInputStream()
                .readAllBytes());
    }

    /** The command's standard output, or null when it cannot be started; fails the test on a non-zero exit. */
    private static String run(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(command + " failed");
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

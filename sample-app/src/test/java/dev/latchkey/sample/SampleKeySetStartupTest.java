package dev.latchkey.sample;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.latchkey.sample.fixtures.CapturedIo;
import dev.latchkey.sample.fixtures.RunningSample;
import dev.latchkey.sample.jwt.DevSigningKey;
import dev.latchkey.sample.jwt.SampleJwtSettings;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, "errors a user can act on", as a new user meets it: the sample pointed at a JWKS file whose keys include
 * an ES256 key while the allow-list is RS256. With a usable RS256 key beside it the sample starts and verifies tokens;
 * with none, {@code serve} prints Latchkey's message naming the property, not {@code WELD-000049 ... init()}.
 */
class SampleKeySetStartupTest {

    private static final String LOCATION = "mp.jwt.verify.publickey.location";
    private static final String ALGORITHM = "mp.jwt.verify.publickey.algorithm";

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(LOCATION);
        System.clearProperty(ALGORITHM);
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }

    private static JWK es256() throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID("idp-ec-1").algorithm(JWSAlgorithm.ES256)
                .keyUse(KeyUse.SIGNATURE).generate().toPublicJWK();
    }

    private Path keySet(List<JWK> keys) throws Exception {
        Path file = dir.resolve("idp-jwks.json");
        Files.writeString(file, new JWKSet(keys).toString());
        System.setProperty(LOCATION, file.toString());
        System.setProperty(ALGORITHM, "RS256");
        return file;
    }

    @Test
    void whenTheJwksFileAlsoHoldsAnEs256KeyThenTheSampleStartsAndVerifiesRs256Tokens() throws Exception {
        DevSigningKey signing = DevSigningKey.ensure(dir.resolve("jwt"));
        List<JWK> keys = new ArrayList<>(JWKSet.load(signing.jwksFile().toFile()).getKeys());
        keys.add(es256());
        keySet(keys);
        try (RunningSample sample = RunningSample.start(dir)) {
            CapturedIo minted = sample.cli(null, "token", "--sub", "alice", "--scope", "orders:read");
            String token = minted.out().strip();
            HttpResponse<String> orders = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(sample.http() + "/api/orders")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, orders.statusCode(), orders.body());
        }
    }

    @Test
    void whenNoKeyOfTheJwksFileIsForAnAllowedAlgorithmThenServePrintsTheLatchkeyMessage() throws Exception {
        keySet(List.of(es256()));
        Map<String, String> state = Map.of(
                "latchkey.api-key.file", "api-keys.json",
                "latchkey.basic.users-file", "users.properties",
                SampleJwtSettings.KEY_DIR, "jwt");
        state.forEach((name, file) -> System.setProperty(name, dir.resolve(file).toString()));
        CapturedIo captured = new CapturedIo();
        try {
            int status = assertTimeoutPreemptively(Duration.ofMinutes(2),
                    () -> Main.run(new String[]{"serve", "--port", "0", "--https-port", "-1"}, captured.io()));
            assertEquals(1, status, captured.err());
        } finally {
            state.keySet().forEach(System::clearProperty);
        }
        String err = captured.err();
        assertTrue(err.startsWith("configuration error: Latchkey configuration property '" + LOCATION + "'"), err);
        assertTrue(err.contains("kid 'idp-ec-1' alg ES256") && err.contains(ALGORITHM), err);
        assertFalse(err.contains("WELD"), err);
    }
}

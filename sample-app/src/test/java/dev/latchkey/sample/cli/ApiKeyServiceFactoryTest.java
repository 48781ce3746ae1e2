package dev.latchkey.sample.cli;

import dev.latchkey.auth.apikey.ApiKeyService;
import dev.latchkey.auth.apikey.CreatedApiKey;
import dev.latchkey.auth.apikey.store.PublishingApiKeyStore;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.state.InvalidationBus;
import dev.latchkey.auth.state.StateSettings;
import dev.latchkey.auth.state.StateStore;
import dev.latchkey.auth.state.select.StateStores;
import dev.latchkey.sample.fixtures.CapturedIo;
import dev.latchkey.sample.fixtures.Redis;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyServiceFactoryTest {

    @TempDir
    Path dir;

    private static ConfigReader config(Map<String, String> properties) {
        return new ConfigReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build());
    }

    private static ApiKeyService service(ConfigReader config) {
        return ApiKeyServiceFactory.open(config, Clock.systemUTC(), System.err).service();
    }

    @Test
    void whenTheFileStoreIsConfiguredThenKeysAreIssuedForTheEnvironmentIntoThatFile() {
        Path file = dir.resolve("keys.json");
        ConfigReader config = config(Map.of("latchkey.api-key.environment", "live",
                "latchkey.api-key.file", file.toString()));
        CreatedApiKey key = service(config).create("ci", Set.of("deploy"), null);

        assertTrue(key.key().startsWith("sk_live_"));
        assertTrue(Files.exists(file));
        ApiKeyService again = service(config);
        assertEquals(key.keyId(), again.find(key.keyId()).orElseThrow().keyId());
    }

    @Test
    void whenTheJdbcStoreIsConfiguredThenItsSettingsAreUsedNotRefused() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> service(
                config(Map.of("latchkey.api-key.store", "jdbc"))));
        assertTrue(e.getMessage().contains("latchkey.api-key.jdbc.datasource"), e.getMessage());
    }

    @Test
    void whenTheMemoryStoreIsConfiguredThenRefusedNamingTheProperty() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> service(
                config(Map.of("latchkey.api-key.store", "memory"))));
        assertTrue(e.getMessage().contains("latchkey.api-key.store"), e.getMessage());
    }

    /**
     * The servers cache keys for 30 s; the CLI writes to the key store directly: on a shared state store its
     * revocations and rotations are announced like the servers' own, so the servers drop the key within a second.
     */
    @Test
    void whenTheServersShareRedisThenCliRevocationsAndRotationsAreAnnouncedToThem() throws Exception {
        try (Redis redis = new Redis()) {
            ConfigReader config = config(Map.of("latchkey.api-key.file", dir.resolve("keys.json").toString(),
                    "latchkey.state.store", "redis", "latchkey.state.redis.url", redis.url()));
            CapturedIo io = new CapturedIo();
            ApiKeyCommand.prepare(List.of("create", "--name", "ci"), open(config, io), io.io()).run();
            ApiKeyCommand.prepare(List.of("create", "--name", "ops"), open(config, io), io.io()).run();
            List<String> ids = io.out().lines().filter(l -> l.startsWith("id:"))
                    .map(l -> l.substring(3).trim()).toList();
            assertEquals(2, ids.size(), io.out());
            try (StateStore server = StateStores.open(StateSettings.from(config), Clock.systemUTC())) {
                BlockingQueue<String> heard = listen(server);
                ApiKeyCommand.prepare(List.of("revoke", ids.get(0)), open(config, io), io.io()).run();
                assertTrue(heardWithinASecond(heard, hash(config, ids.get(0))), "revocation announced");
                ApiKeyCommand.prepare(List.of("rotate", ids.get(1), "--grace", "PT0S"), open(config, io), io.io())
                        .run();
                assertTrue(heardWithinASecond(heard, hash(config, ids.get(1))), "rotation announced");
            }
            assertEquals("", io.err());
        }
    }

    @Test
    void whenTheSharedStoreCannotBeReachedThenTheKeyIsRevokedAndTheCommandWarns() throws Exception {
        Redis stopped = new Redis();
        stopped.close();
        ConfigReader config = config(Map.of("latchkey.api-key.file", dir.resolve("keys.json").toString(),
                "latchkey.state.store", "redis", "latchkey.state.redis.url", stopped.url()));
        CreatedApiKey key = service(config).create("ci", Set.of(), null);
        CapturedIo io = new CapturedIo();
        ApiKeyCommand.prepare(List.of("revoke", key.keyId()), open(config, io), io.io()).run();
        assertTrue(io.out().startsWith("Revoked " + key.keyId()), io.out());
        assertTrue(io.err().contains("not announced") && io.err().contains("latchkey.api-key.cache.ttl"), io.err());
        assertTrue(service(config).find(key.keyId()).orElseThrow().revoked() != null);
    }

    private static java.util.function.Supplier<ApiKeyServiceFactory.Opened> open(ConfigReader config, CapturedIo io) {
        PrintStream err = io.io().err();
        return () -> ApiKeyServiceFactory.open(config, Clock.systemUTC(), err);
    }

    /** Whether {@code hash} is among what is heard within a second (a rotation also announces its new key). */
    private static boolean heardWithinASecond(BlockingQueue<String> heard, String hash) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        String got;
        while ((got = heard.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
            if (got.equals(hash)) {
                return true;
            }
        }
        return false;
    }

    private static String hash(ConfigReader config, String keyId) {
        return service(config).find(keyId).orElseThrow().hash();
    }

    /** What a server's cache hears on the bus: the hashes of changed keys (subscribed when the store opened). */
    private static BlockingQueue<String> listen(StateStore server) {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        server.bus().subscribe(PublishingApiKeyStore.TOPIC, new InvalidationBus.Listener() {
            @Override
            public void invalidate(String hash) {
                heard.add(hash);
            }

            @Override
            public void invalidateAll() {
                // nothing was cached
            }
        });
        return heard;
    }
}

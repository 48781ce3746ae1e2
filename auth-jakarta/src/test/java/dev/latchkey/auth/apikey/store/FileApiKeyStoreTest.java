package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.apikey.store.ApiKeyRecord;
import dev.latchkey.auth.apikey.CreatedApiKey;
import dev.latchkey.auth.apikey.fixtures.ApiKeyFixtures;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FileApiKeyStoreTest {

    @TempDir
    Path dir;

    @Test
    void whenKeysAreCreatedThenTheFileHoldsHashesButNoPlaintext() throws Exception {
        FileApiKeyStore store = new FileApiKeyStore(dir.resolve("keys/api-keys.json"));
        ApiKeyFixtures fx = ApiKeyFixtures.live(store);
        CreatedApiKey a = fx.service.create("a", Set.of("read"), null);
        CreatedApiKey b = fx.service.create("b", Set.of(), null);

        String json = Files.readString(store.file(), StandardCharsets.UTF_8);
        for (CreatedApiKey k : List.of(a, b)) {
            assertFalse(json.contains(k.key()), "plaintext key in file");
            assertFalse(json.contains(k.key().substring(21, 54)), "secret part in file");
            assertTrue(json.contains(k.record().hash()));
            assertTrue(json.contains(k.keyId()));
        }
        assertTrue(fx.validator.validate(a.key()).isPresent());
        assertEquals(2, new FileApiKeyStore(store.file()).list().size(), "a fresh instance reads the file");
    }

    @Test
    void whenTheFileIsWrittenThenOnlyItsOwnerCanReadIt() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        FileApiKeyStore store = new FileApiKeyStore(dir.resolve("api-keys.json"));
        ApiKeyFixtures.live(store).service.create("a", Set.of(), null);
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(store.file()));
    }

    @Test
    void whenTwoInstancesWriteConcurrentlyThenNoRecordIsLost() throws Exception {
        Path file = dir.resolve("api-keys.json");
        FileApiKeyStore first = new FileApiKeyStore(file);
        FileApiKeyStore second = new FileApiKeyStore(file);
        MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
        ApiKeyFixtures one = new ApiKeyFixtures(first, clock, "live", null);
        ApiKeyFixtures two = new ApiKeyFixtures(second, clock, "live", null);
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (ApiKeyFixtures fx : List.of(one, two, one, two)) {
            futures.add(pool.submit(() -> {
                start.await();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    ids.add(fx.service.create("k" + i, Set.of(), null).keyId());
                }
                return ids;
            }));
        }
        start.countDown();
        List<String> created = new ArrayList<>();
        for (Future<List<String>> f : futures) {
            created.addAll(f.get());
        }
        pool.shutdown();

        List<String> stored = new FileApiKeyStore(file).list().stream().map(ApiKeyRecord::keyId).toList();
        assertEquals(4 * perThread, stored.size());
        assertTrue(stored.containsAll(created));
        assertEquals(4 * perThread, first.list().size(), "first instance sees the other's writes");
    }

    @Test
    void whenTheFileIsChangedExternallyThenTheChangeIsPickedUp() throws Exception {
        Path file = dir.resolve("api-keys.json");
        FileApiKeyStore reader = new FileApiKeyStore(file);
        ApiKeyFixtures fx = ApiKeyFixtures.live(reader);
        CreatedApiKey key = fx.service.create("a", Set.of(), null);
        assertTrue(fx.validator.validate(key.key()).isPresent());

        // Another process (or an operator) revokes the key by editing the file.
        String revoked = Files.readString(file).replace("\"created\"", "\"revoked\":\"2020-01-01T00:00:00Z\",\"created\"");
        Files.writeString(file, revoked);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), reader.findById(key.keyId()).orElseThrow().revoked());
    }

    @Test
    void whenAnotherInstanceWritesThenReaderSeesNewKey() {
        Path file = dir.resolve("api-keys.json");
        FileApiKeyStore reader = new FileApiKeyStore(file);
        assertTrue(reader.list().isEmpty());
        ApiKeyFixtures writer = ApiKeyFixtures.live(new FileApiKeyStore(file));
        CreatedApiKey key = writer.service.create("a", Set.of(), null);
        assertTrue(reader.findByHash(key.record().hash()).isPresent());
    }

    @Test
    void whenTheFileIsCorruptThenStoreIsUnavailableNotEmpty() throws Exception {
        Path file = dir.resolve("api-keys.json");
        Files.writeString(file, "{\"version\":1,\"keys\":[{\"keyId\":");
        FileApiKeyStore store = new FileApiKeyStore(file);
        assertThrows(ApiKeyStoreUnavailable.class, () -> store.findByHash("00"));
        ApiKeyStoreUnavailable e = assertThrows(ApiKeyStoreUnavailable.class, () -> store.insert(ApiKeyFixtures
                .live(new InMemoryApiKeyStore()).service.create("x", Set.of(), null).record()));
        assertFalse(e.getMessage().contains("sk_live_"));
    }

    @Test
    void whenLastUseIsRecordedThenOneWriteUpdatesAllKeys() {
        FileApiKeyStore store = new FileApiKeyStore(dir.resolve("api-keys.json"));
        ApiKeyFixtures fx = ApiKeyFixtures.live(store);
        CreatedApiKey a = fx.service.create("a", Set.of(), null);
        CreatedApiKey b = fx.service.create("b", Set.of(), null);
        Instant when = Instant.parse("2026-02-02T00:00:00Z");
        store.recordLastUsed(Map.of(a.keyId(), when, b.keyId(), when, "unknown00000", when));
        assertEquals(when, store.findById(a.keyId()).orElseThrow().lastUsed());
        assertEquals(when, store.findById(b.keyId()).orElseThrow().lastUsed());
    }
}

package dev.latchkey.auth.signature.keys;

import com.zaxxer.hikari.HikariDataSource;
import dev.latchkey.auth.jdbc.JdbcPool;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file and JDBC (H2) registries keep and change records alike; the file holds no plaintext secret. */
class ClientKeyStoresTest {

    private static HikariDataSource pool;
    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final SecretSealer sealer = new SecretSealer(SecretSealerTest.kek(3), List.of());

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
        }
    }

    private static JdbcClientKeyStore jdbc() {
        if (pool == null) {
            pool = JdbcPool.open("jdbc:h2:mem:signature-keys;DB_CLOSE_DELAY=-1", "sa", "", Duration.ofSeconds(5), 2);
        }
        JdbcClientKeyStore store = new JdbcClientKeyStore(pool, 5);
        store.createSchema();
        store.createSchema(); // idempotent
        return store;
    }

    /** The behaviour every registry backend shares (also run against PostgreSQL). */
    static void contract(ClientKeyStore store, SecretSealer sealer, MutableClock clock) {
        ClientKeyService service = new ClientKeyService(store, sealer, clock, id -> { });
        IssuedKey hmac = service.createHmacKey("partner-h", Set.of("a", "b"), Set.of("g"), null);
        IssuedKey ed = service.registerPublicKey("partner-e", TestKeys.pem(TestKeys.ed25519().getPublic()), Set.of(),
                Set.of(), Instant.parse("2027-01-01T00:00:00Z"));
        assertEquals(hmac.record(), store.findById(hmac.keyId()).orElseThrow());
        assertEquals(ed.record(), store.findById(ed.keyId()).orElseThrow());
        assertEquals(2, store.list().size());
        assertThrows(IllegalArgumentException.class, () -> store.insert(hmac.record()));
        IssuedKey rotated = service.rotate(hmac.keyId(), Duration.ofMinutes(5), null);
        assertEquals(rotated.keyId(), store.findById(hmac.keyId()).orElseThrow().replacedBy());
        assertFalse(store.markReplaced(hmac.keyId(), "ks_other", clock.instant()), "already replaced");
        Instant revokedAt = service.revoke(ed.keyId()).revoked();
        clock.advance(Duration.ofMinutes(1));
        assertEquals(revokedAt, service.revoke(ed.keyId()).revoked(), "an earlier revocation stands");
        assertFalse(store.markReplaced(ed.keyId(), "ks_other", clock.instant()), "never on a revoked key");
        assertTrue(store.compute("ks_unknown", r -> r).isEmpty());
        assertEquals("partner-h", store.compute(hmac.keyId(), r -> r).orElseThrow().client());
    }

    @Test
    void whenFileStoreUsedThenContractHoldsAndNoPlaintextSecretOnDisk() throws Exception {
        Path file = dir.resolve("keys/signature-keys.json");
        FileClientKeyStore store = new FileClientKeyStore(file);
        contract(store, sealer, clock);
        IssuedKey issued = new ClientKeyService(store, sealer, clock, id -> { })
                .createHmacKey("x", Set.of(), Set.of(), null);
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(content.contains(issued.secret().orElseThrow()));
        assertTrue(content.contains("\"sealedSecret\""));
        assertEquals(issued.record(), new FileClientKeyStore(file).findById(issued.keyId()).orElseThrow());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void whenJdbcStoreUsedThenContractHolds() {
        contract(jdbc(), sealer, clock);
    }

    @Test
    void whenInMemoryStoreUsedThenContractHolds() {
        contract(new InMemoryClientKeyStore(), sealer, clock);
    }

    @Test
    void whenFileCorruptThenUnavailableNotEmpty() throws Exception {
        Path file = dir.resolve("corrupt.json");
        Files.writeString(file, "{\"version\":1,\"keys\":[{\"keyId\":1}]}");
        assertThrows(ClientKeyStoreUnavailable.class, () -> new FileClientKeyStore(file).findById("x"));
    }
}

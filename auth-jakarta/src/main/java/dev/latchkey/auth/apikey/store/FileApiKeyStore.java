package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.file.JsonRecordFile;
import jakarta.json.JsonObject;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A JSON file of hashed records ({@code latchkey.api-key.file}, default {@code .latchkey/api-keys.json}), read and
 * written through a {@link JsonRecordFile}: writes are locked read-modify-write (no record lost to a concurrent writer
 * in this or another process) and atomic (a reader never sees half a file); reads use a snapshot reloaded when the file
 * changes, so edits by another process or node are picked up; the file is owner-readable only.
 */
public class FileApiKeyStore implements ApiKeyStore {

    private final JsonRecordFile<Snapshot> file;

    private record Snapshot(List<ApiKeyRecord> records, Map<String, ApiKeyRecord> byHash,
                            Map<String, ApiKeyRecord> byId) {
        static final Snapshot EMPTY = of(List.of());

        static Snapshot of(List<ApiKeyRecord> records) {
            Map<String, ApiKeyRecord> byHash = new ConcurrentHashMap<>();
            Map<String, ApiKeyRecord> byId = new ConcurrentHashMap<>();
            records.forEach(r -> {
                byHash.put(r.hash(), r);
                byId.put(r.keyId(), r);
            });
            return new Snapshot(List.copyOf(records), byHash, byId);
        }
    }

    private static final JsonRecordFile.Codec<Snapshot> CODEC = new JsonRecordFile.Codec<>() {
        @Override
        public Snapshot read(JsonObject json) {
            return Snapshot.of(ApiKeyRecordJson.recordsFromJson(json));
        }

        @Override
        public JsonObject write(Snapshot content) {
            return ApiKeyRecordJson.recordsToJson(content.records());
        }
    };

    public FileApiKeyStore(Path file) {
        this.file = new JsonRecordFile<>(file, "API key file", CODEC, Snapshot.EMPTY, ApiKeyStoreUnavailable::new);
    }

    public Path file() {
        return file.file();
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String hash) {
        return Optional.ofNullable(file.current().byHash().get(hash));
    }

    @Override
    public Optional<ApiKeyRecord> findById(String keyId) {
        return Optional.ofNullable(file.current().byId().get(keyId));
    }

    @Override
    public List<ApiKeyRecord> list() {
        return file.current().records();
    }

    @Override
    public void insert(ApiKeyRecord record) {
        modify(records -> {
            if (records.stream().anyMatch(r -> r.keyId().equals(record.keyId()) || r.hash().equals(record.hash()))) {
                throw new IllegalArgumentException("duplicate API key id " + record.keyId());
            }
            List<ApiKeyRecord> out = new ArrayList<>(records);
            out.add(record);
            return out;
        });
    }

    /** Atomic: under the JVM lock and the OS file lock, on the file as it is now (not the cached snapshot). */
    @Override
    public Optional<ApiKeyRecord> compute(String keyId, UnaryOperator<ApiKeyRecord> change) {
        ApiKeyRecord[] result = {null};
        modify(records -> records.stream().map(r -> {
            if (!r.keyId().equals(keyId)) {
                return r;
            }
            result[0] = StoredRecords.changed(r, change);
            return result[0];
        }).toList());
        return Optional.ofNullable(result[0]);
    }

    /** One write per flush, under the lock: only the last-use instants move, and only forwards. */
    @Override
    public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
        modify(records -> records.stream().map(r -> {
            Instant when = lastUsedByKeyId.get(r.keyId());
            return when != null && (r.lastUsed() == null || r.lastUsed().isBefore(when)) ? r.withLastUsed(when) : r;
        }).toList());
    }

    private void modify(UnaryOperator<List<ApiKeyRecord>> change) {
        file.modify(snapshot -> Snapshot.of(change.apply(snapshot.records())));
    }

    @Override
    public String toString() {
        return "FileApiKeyStore[" + file.file() + "]";
    }
}

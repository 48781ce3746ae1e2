package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.keylife.SnapshotKeyStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON file of hashed records ({@code latchkey.api-key.file}, default {@code .latchkey/api-keys.json}), read and
 * written through a {@link dev.latchkey.auth.file.JsonRecordFile} ({@link SnapshotKeyStore.Storage#file}): writes are
 * locked read-modify-write (no record lost to a concurrent writer in this or another process) and atomic (a reader
 * never sees half a file); reads use a snapshot reloaded when the file changes, so edits by another process or node
 * are picked up; the file is owner-readable only.
 */
public class FileApiKeyStore extends SnapshotKeyStore<ApiKeyRecord> implements ApiKeyStore {

    private final Path file;

    public FileApiKeyStore(Path file) {
        super(ApiKeyRecordJson.FORMAT, Storage.file(ApiKeyRecordJson.FORMAT, file, "API key file",
                ApiKeyStoreUnavailable::new));
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String hash) {
        return findBySecondKey(hash);
    }

    /** One write per flush, under the lock: only the last-use instants move, and only forwards. */
    @Override
    public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
        modifyRecords(records -> records.stream().map(r -> {
            Instant when = lastUsedByKeyId.get(r.keyId());
            return when != null && (r.lastUsed() == null || r.lastUsed().isBefore(when)) ? r.withLastUsed(when) : r;
        }).toList());
    }
}

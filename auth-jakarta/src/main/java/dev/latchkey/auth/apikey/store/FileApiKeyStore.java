package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.file.AtomicFile;
import dev.latchkey.auth.apikey.store.ApiKeyRecord;
import dev.latchkey.auth.file.FileStamp;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * A JSON file of hashed records ({@code latchkey.api-key.file}, default {@code .latchkey/api-keys.json}).
 *
 * <ul>
 *   <li>Writes are read-modify-write under a JVM-wide lock per file plus an OS file lock on {@code <file>.lock}, so
 *   concurrent writers in this or other processes lose no records.</li>
 *   <li>The new content goes to a temporary file in the same directory, is forced to disk and moved over the old
 *   file with {@code ATOMIC_MOVE}: readers see the old or the new file, never a half-written one.</li>
 *   <li>Reads use an in-memory snapshot, reloaded when the file's modification time or size changes (one
 *   {@code stat} per read), so edits by another process or node are picked up.</li>
 * </ul>
 *
 * The file is owner-readable only where the file system supports POSIX permissions: {@link Files#createTempFile}
 * creates the temporary file {@code rw-------} there, and the move keeps its permissions.
 */
public class FileApiKeyStore implements ApiKeyStore {

    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final ReentrantLock jvmLock;
    private volatile Snapshot snapshot = Snapshot.EMPTY;


    private record Snapshot(FileStamp stamp, List<ApiKeyRecord> records, Map<String, ApiKeyRecord> byHash,
                            Map<String, ApiKeyRecord> byId) {
        static final Snapshot EMPTY = of(null, List.of());

        static Snapshot of(FileStamp stamp, List<ApiKeyRecord> records) {
            Map<String, ApiKeyRecord> byHash = new ConcurrentHashMap<>();
            Map<String, ApiKeyRecord> byId = new ConcurrentHashMap<>();
            records.forEach(r -> {
                byHash.put(r.hash(), r);
                byId.put(r.keyId(), r);
            });
            return new Snapshot(stamp, List.copyOf(records), byHash, byId);
        }
    }

    public FileApiKeyStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.jvmLock = JVM_LOCKS.computeIfAbsent(this.file, p -> new ReentrantLock());
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String hash) {
        return Optional.ofNullable(current().byHash().get(hash));
    }

    @Override
    public Optional<ApiKeyRecord> findById(String keyId) {
        return Optional.ofNullable(current().byId().get(keyId));
    }

    @Override
    public List<ApiKeyRecord> list() {
        return current().records();
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

    /** The snapshot, reloaded first if the file changed on disk. */
    private Snapshot current() {
        Snapshot s = snapshot;
        if (Objects.equals(stamp(), s.stamp())) {
            return s;
        }
        jvmLock.lock();
        try {
            // Another thread may have reloaded while this one waited: reload only if still stale.
            Snapshot latest = snapshot;
            if (Objects.equals(stamp(), latest.stamp())) {
                return latest;
            }
            Snapshot fresh = load();
            snapshot = fresh;
            return fresh;
        } finally {
            jvmLock.unlock();
        }
    }

    private void modify(UnaryOperator<List<ApiKeyRecord>> change) {
        jvmLock.lock();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    List<ApiKeyRecord> updated = change.apply(load().records());
                    write(updated);
                    snapshot = Snapshot.of(stamp(), updated);
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new ApiKeyStoreUnavailable("cannot write API key file " + file, e);
        } finally {
            jvmLock.unlock();
        }
    }

    private Snapshot load() {
        for (int attempt = 0; ; attempt++) {
            FileStamp before = stamp();
            if (before == null) {
                return Snapshot.of(null, List.of());
            }
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader json = Json.createReader(in)) {
                List<ApiKeyRecord> records = ApiKeyRecordJson.recordsFromJson(json.readObject());
                if (before.equals(stamp())) {
                    return Snapshot.of(before, records);
                }
                if (attempt > 2) { // changed while being read (an in-place edit): read again
                    throw new ApiKeyStoreUnavailable("API key file " + file + " keeps changing while being read");
                }
            } catch (NoSuchFileException e) {
                if (attempt > 2) {
                    throw new ApiKeyStoreUnavailable("API key file " + file + " keeps disappearing", e);
                }
            } catch (IOException e) {
                throw new ApiKeyStoreUnavailable("cannot read API key file " + file, e);
            } catch (RuntimeException e) {
                throw new ApiKeyStoreUnavailable("API key file " + file + " is not valid: " + e.getClass().getSimpleName(), e);
            }
        }
    }

    private void write(List<ApiKeyRecord> records) throws IOException {
        AtomicFile.replace(file, out -> {
            try (JsonWriter json = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                    .createWriter(out)) {
                json.writeObject(ApiKeyRecordJson.recordsToJson(records));
            }
        });
    }

    /** The file's stamp, or null when it does not exist. */
    private FileStamp stamp() {
        try {
            return FileStamp.of(file).orElse(null);
        } catch (IOException e) {
            throw new ApiKeyStoreUnavailable("cannot read API key file " + file, e);
        }
    }

    @Override
    public String toString() {
        return "FileApiKeyStore[" + file + "]";
    }
}

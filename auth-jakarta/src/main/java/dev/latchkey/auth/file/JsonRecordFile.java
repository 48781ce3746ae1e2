package dev.latchkey.auth.file;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * A JSON file of records that several processes may read and write: the API-key file, the signature key file.
 *
 * <ul>
 *   <li>Writes are read-modify-write under a JVM-wide lock per file plus an OS file lock on {@code <file>.lock}, so
 *   concurrent writers in this or other processes lose no records.</li>
 *   <li>The new content goes to a temporary file in the same directory, is forced to disk and moved over the old
 *   file with {@code ATOMIC_MOVE}: readers see the old or the new file, never a half-written one.</li>
 *   <li>Reads use an in-memory snapshot, reloaded when the file's {@link FileStamp} changes (one {@code stat} per
 *   read), so edits by another process or node are picked up; a file that changes while being read is read again.</li>
 * </ul>
 *
 * The file is owner-readable only where the file system supports POSIX permissions: {@link Files#createTempFile}
 * creates the temporary file {@code rw-------} there, and the move keeps its permissions. Every failure becomes the
 * exception the owner's {@code unavailable} factory makes (an outage, never "no records").
 *
 * @param <T> the parsed content, e.g. the records with their indexes
 */
public final class JsonRecordFile<T> {

    /** Converts the content from and to the file's JSON. */
    public interface Codec<T> {
        T read(JsonObject json);

        JsonObject write(T content);
    }

    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final int READ_ATTEMPTS = 4;

    private final Path file;
    private final Path lockFile;
    private final ReentrantLock jvmLock;
    private final String what;
    private final Codec<T> codec;
    private final T empty;
    private final BiFunction<String, Throwable, RuntimeException> unavailable;
    private volatile Snapshot<T> snapshot;

    private record Snapshot<T>(FileStamp stamp, T content) {
    }

    /**
     * @param what        how messages name the file, e.g. {@code "API key file"}
     * @param empty       the content of a file that does not exist yet
     * @param unavailable makes the exception for a failure, from a message (naming the file) and a cause (or null)
     */
    public JsonRecordFile(Path file, String what, Codec<T> codec, T empty,
                          BiFunction<String, Throwable, RuntimeException> unavailable) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.jvmLock = JVM_LOCKS.computeIfAbsent(this.file, p -> new ReentrantLock());
        this.what = what;
        this.codec = codec;
        this.empty = Objects.requireNonNull(empty);
        this.unavailable = unavailable;
        this.snapshot = new Snapshot<>(null, empty);
    }

    public Path file() {
        return file;
    }

    /** The content, reloaded first if the file changed on disk. */
    public T current() {
        Snapshot<T> s = snapshot;
        if (Objects.equals(stamp(), s.stamp())) {
            return s.content();
        }
        jvmLock.lock();
        try {
            // Another thread may have reloaded while this one waited: reload only if still stale.
            Snapshot<T> latest = snapshot;
            if (Objects.equals(stamp(), latest.stamp())) {
                return latest.content();
            }
            Snapshot<T> fresh = load();
            snapshot = fresh;
            return fresh.content();
        } finally {
            jvmLock.unlock();
        }
    }

    /**
     * Atomic: {@code change} sees the file as it is now (not the cached snapshot), under the JVM lock and the OS file
     * lock; its result is written. Exceptions thrown by {@code change} propagate and nothing is written.
     */
    public T modify(UnaryOperator<T> change) {
        jvmLock.lock();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    T updated = change.apply(load().content());
                    write(updated);
                    snapshot = new Snapshot<>(stamp(), updated);
                    return updated;
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw unavailable.apply("cannot write " + what + " " + file, e);
        } finally {
            jvmLock.unlock();
        }
    }

    private Snapshot<T> load() {
        for (int attempt = 1; ; attempt++) {
            FileStamp before = stamp();
            if (before == null) {
                return new Snapshot<>(null, empty);
            }
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader json = Json.createReader(in)) {
                T content = codec.read(json.readObject());
                if (before.equals(stamp())) {
                    return new Snapshot<>(before, content);
                }
                if (attempt >= READ_ATTEMPTS) { // changed while being read (an in-place edit): read again
                    throw unavailable.apply(what + " " + file + " keeps changing while being read", null);
                }
            } catch (NoSuchFileException e) {
                if (attempt >= READ_ATTEMPTS) {
                    throw unavailable.apply(what + " " + file + " keeps disappearing", e);
                }
            } catch (IOException e) {
                throw unavailable.apply("cannot read " + what + " " + file, e);
            } catch (RuntimeException e) {
                throw unavailable.apply(what + " " + file + " is not valid: " + e.getClass().getSimpleName(), e);
            }
        }
    }

    private void write(T content) throws IOException {
        AtomicFile.replace(file, out -> {
            try (JsonWriter json = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                    .createWriter(out)) {
                json.writeObject(codec.write(content));
            }
        });
    }

    /** The file's stamp, or null when it does not exist. */
    private FileStamp stamp() {
        try {
            return FileStamp.of(file).orElse(null);
        } catch (IOException e) {
            throw unavailable.apply("cannot read " + what + " " + file, e);
        }
    }
}

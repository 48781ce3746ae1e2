package dev.latchkey.auth.keylife;

import dev.latchkey.auth.file.JsonRecordFile;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The file and in-memory key stores of every key kind (API keys, clients' signing keys): the records are one immutable
 * {@link Snapshot}, read without a lock and replaced whole by a locked read-modify-write, either of a
 * {@link JsonRecordFile} ({@link Storage#file}) or of a value in memory ({@link Storage#memory}, lost on restart). Each record is
 * unique by its key id and by a second key (the API key's hash; the key id again where there is none).
 *
 * @param <R> the record type
 */
public abstract class SnapshotKeyStore<R extends KeyLifecycle<R>> implements KeyLifecycleStore<R> {

    /** The file's version ({@code {"version":1,"keys":[...]}}). */
    static final int VERSION = 1;

    /** The records in creation order, by key id, and by the second unique key. */
    public record Snapshot<R>(List<R> records, Map<String, R> byId, Map<String, R> bySecondKey) {
    }

    /** How a kind's records are named, indexed and written to JSON. */
    public record Format<R>(String what, Function<R, String> secondKey, Function<R, JsonObject> toJson,
                            Function<JsonObject, R> fromJson) {
    }

    /** Where the snapshot lives: its current value, and a locked read-modify-write that returns the new value. */
    public interface Storage<R> {
        Snapshot<R> current();

        Snapshot<R> modify(UnaryOperator<Snapshot<R>> change);

        /**
         * A JSON file ({@link JsonRecordFile}: locked, atomic writes; a snapshot reloaded when the file changes;
         * owner-readable only).
         *
         * @param what        how messages name the file, e.g. {@code "API key file"}
         * @param unavailable the kind's outage exception, from a message and a cause
         */
        static <R extends KeyLifecycle<R>> Storage<R> file(Format<R> format, Path path, String what,
                                                          BiFunction<String, Throwable, RuntimeException> unavailable) {
            JsonRecordFile<Snapshot<R>> file = new JsonRecordFile<>(path, what, codec(format),
                    snapshot(format, List.of()), unavailable);
            return new Storage<>() {
                @Override
                public Snapshot<R> current() {
                    return file.current();
                }

                @Override
                public Snapshot<R> modify(UnaryOperator<Snapshot<R>> change) {
                    return file.modify(change);
                }

                @Override
                public String toString() {
                    return file.file().toString();
                }
            };
        }

        /** Memory, for tests and development: lost on restart. */
        static <R extends KeyLifecycle<R>> Storage<R> memory(Format<R> format) {
            return new Storage<>() {
                private volatile Snapshot<R> value = snapshot(format, List.of());

                @Override
                public Snapshot<R> current() {
                    return value;
                }

                @Override
                public synchronized Snapshot<R> modify(UnaryOperator<Snapshot<R>> change) {
                    value = change.apply(value);
                    return value;
                }

                @Override
                public String toString() {
                    return "memory";
                }
            };
        }
    }

    private final Format<R> format;
    private final Storage<R> storage;

    protected SnapshotKeyStore(Format<R> format, Storage<R> storage) {
        this.format = format;
        this.storage = storage;
    }

    /** The file's JSON: {@code {"version":1,"keys":[{...record...}]}}. */
    private static <R extends KeyLifecycle<R>> JsonRecordFile.Codec<Snapshot<R>> codec(Format<R> format) {
        return new JsonRecordFile.Codec<>() {
            @Override
            public Snapshot<R> read(JsonObject json) {
                return snapshot(format, recordsFromJson(format, json));
            }

            @Override
            public JsonObject write(Snapshot<R> content) {
                JsonArrayBuilder keys = Json.createArrayBuilder();
                content.records().forEach(r -> keys.add(format.toJson().apply(r)));
                return Json.createObjectBuilder().add("version", VERSION).add("keys", keys).build();
            }
        };
    }

    private static <R> List<R> recordsFromJson(Format<R> format, JsonObject file) {
        int version = file.getInt("version", VERSION);
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported " + format.what() + " file version " + version);
        }
        return file.getJsonArray("keys").getValuesAs(JsonObject.class).stream().map(format.fromJson()).toList();
    }

    private static <R extends KeyLifecycle<R>> Snapshot<R> snapshot(Format<R> format, List<R> records) {
        Map<String, R> byId = new HashMap<>();
        Map<String, R> bySecondKey = new HashMap<>();
        for (R r : records) {
            byId.put(r.keyId(), r);
            bySecondKey.put(format.secondKey().apply(r), r);
        }
        return new Snapshot<>(List.copyOf(records), Map.copyOf(byId), Map.copyOf(bySecondKey));
    }

    public Optional<R> findById(String keyId) {
        return Optional.ofNullable(storage.current().byId().get(keyId));
    }

    /** The record whose second unique key (e.g. the API key's hash) is {@code key}. */
    public Optional<R> findBySecondKey(String key) {
        return Optional.ofNullable(storage.current().bySecondKey().get(key));
    }

    /** All records, in creation order. */
    public List<R> list() {
        return storage.current().records();
    }

    /** @throws IllegalArgumentException when its key id or second key exists */
    public void insert(R record) {
        storage.modify(s -> {
            if (s.byId().containsKey(record.keyId())
                    || s.bySecondKey().containsKey(format.secondKey().apply(record))) {
                throw new IllegalArgumentException("duplicate " + format.what() + " id " + record.keyId());
            }
            List<R> out = new ArrayList<>(s.records());
            out.add(record);
            return snapshot(format, out);
        });
    }

    /** Atomic: under the lock (for a file, also the OS file lock, on the file as it is now). */
    @Override
    public Optional<R> compute(String keyId, UnaryOperator<R> change) {
        Snapshot<R> after = modifyRecords(records -> records.stream()
                .map(r -> r.keyId().equals(keyId) ? KeyLifecycleStore.changed(r, change) : r).toList());
        return Optional.ofNullable(after.byId().get(keyId));
    }

    /** Replaces every record by {@code change}'s (one write); the key ids must stay. */
    public Snapshot<R> modifyRecords(UnaryOperator<List<R>> change) {
        return storage.modify(s -> snapshot(format, change.apply(s.records())));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + storage + "]";
    }
}

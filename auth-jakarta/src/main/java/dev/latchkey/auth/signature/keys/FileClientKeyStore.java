package dev.latchkey.auth.signature.keys;

import dev.latchkey.auth.file.JsonRecordFile;
import jakarta.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The signature key file ({@code latchkey.signature.file}, default {@code .latchkey/signature-keys.json}), read and
 * written through a {@link JsonRecordFile} like the API-key file: locked, atomic writes; a snapshot reloaded when the
 * file changes; owner-readable only. It holds public JWKs and sealed HMAC secrets, no plaintext secret.
 */
public class FileClientKeyStore implements ClientKeyStore {

    private final JsonRecordFile<Snapshot> file;

    private record Snapshot(List<ClientKeyRecord> records, Map<String, ClientKeyRecord> byId) {
        static Snapshot of(List<ClientKeyRecord> records) {
            return new Snapshot(List.copyOf(records),
                    records.stream().collect(Collectors.toUnmodifiableMap(ClientKeyRecord::keyId, Function.identity())));
        }
    }

    private static final JsonRecordFile.Codec<Snapshot> CODEC = new JsonRecordFile.Codec<>() {
        @Override
        public Snapshot read(JsonObject json) {
            return Snapshot.of(ClientKeyRecordJson.recordsFromJson(json));
        }

        @Override
        public JsonObject write(Snapshot content) {
            return ClientKeyRecordJson.recordsToJson(content.records());
        }
    };

    public FileClientKeyStore(Path file) {
        this.file = new JsonRecordFile<>(file, "signature key file", CODEC, Snapshot.of(List.of()),
                ClientKeyStoreUnavailable::new);
    }

    @Override
    public Optional<ClientKeyRecord> findById(String keyId) {
        return Optional.ofNullable(file.current().byId().get(keyId));
    }

    @Override
    public List<ClientKeyRecord> list() {
        return file.current().records();
    }

    @Override
    public void insert(ClientKeyRecord record) {
        file.modify(s -> {
            if (s.byId().containsKey(record.keyId())) {
                throw new IllegalArgumentException("duplicate signature key id " + record.keyId());
            }
            List<ClientKeyRecord> out = new ArrayList<>(s.records());
            out.add(record);
            return Snapshot.of(out);
        });
    }

    @Override
    public Optional<ClientKeyRecord> compute(String keyId, UnaryOperator<ClientKeyRecord> change) {
        Snapshot after = file.modify(s -> Snapshot.of(s.records().stream()
                .map(r -> r.keyId().equals(keyId) ? ClientKeyStore.changed(r, change) : r).toList()));
        return Optional.ofNullable(after.byId().get(keyId));
    }

    @Override
    public String toString() {
        return "FileClientKeyStore[" + file.file() + "]";
    }
}

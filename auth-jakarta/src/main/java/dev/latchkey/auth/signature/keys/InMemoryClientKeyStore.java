package dev.latchkey.auth.signature.keys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A registry in memory, for tests and development: lost on restart. */
public class InMemoryClientKeyStore implements ClientKeyStore {

    private final Map<String, ClientKeyRecord> byId = new LinkedHashMap<>();

    @Override
    public synchronized Optional<ClientKeyRecord> findById(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    @Override
    public synchronized List<ClientKeyRecord> list() {
        return new ArrayList<>(byId.values());
    }

    @Override
    public synchronized void insert(ClientKeyRecord record) {
        if (byId.putIfAbsent(record.keyId(), record) != null) {
            throw new IllegalArgumentException("duplicate signature key id " + record.keyId());
        }
    }

    @Override
    public synchronized Optional<ClientKeyRecord> compute(String keyId, UnaryOperator<ClientKeyRecord> change) {
        return Optional.ofNullable(byId.computeIfPresent(keyId, (id, old) -> ClientKeyStore.changed(old, change)));
    }
}

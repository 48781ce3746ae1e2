package dev.latchkey.auth.signature.keys;

import dev.latchkey.auth.keylife.SnapshotKeyStore;

/** A registry in memory, for tests and development: lost on restart. */
public class InMemoryClientKeyStore extends SnapshotKeyStore<ClientKeyRecord> implements ClientKeyStore {

    public InMemoryClientKeyStore() {
        super(ClientKeyRecordJson.FORMAT, Storage.memory(ClientKeyRecordJson.FORMAT));
    }
}

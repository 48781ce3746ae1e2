package dev.latchkey.auth.signature.keys;

import dev.latchkey.auth.keylife.SnapshotKeyStore;

import java.nio.file.Path;

/**
 * The signature key file ({@code latchkey.signature.file}, default {@code .latchkey/signature-keys.json}), read and
 * written like the API-key file ({@link SnapshotKeyStore.Storage#file}): locked, atomic writes; a snapshot reloaded
 * when the file changes; owner-readable only. It holds public JWKs and sealed HMAC secrets, no plaintext secret.
 */
public class FileClientKeyStore extends SnapshotKeyStore<ClientKeyRecord> implements ClientKeyStore {

    public FileClientKeyStore(Path file) {
        super(ClientKeyRecordJson.FORMAT, Storage.file(ClientKeyRecordJson.FORMAT, file, "signature key file",
                ClientKeyStoreUnavailable::new));
    }
}

package dev.latchkey.auth.signature.keys;

import dev.latchkey.auth.keylife.KeyLifecycleJson;
import dev.latchkey.auth.keylife.SnapshotKeyStore;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;

import static dev.latchkey.auth.file.JsonFields.instant;
import static dev.latchkey.auth.file.JsonFields.optional;
import static dev.latchkey.auth.file.JsonFields.set;

/** The JSON form of the signature key file: {@code {"version":1,"keys":[{...record...}]}}. */
final class ClientKeyRecordJson {

    /** The records' file and memory form: unique by {@code keyId()}. */
    static final SnapshotKeyStore.Format<ClientKeyRecord> FORMAT = new SnapshotKeyStore.Format<>("signature key",
            ClientKeyRecord::keyId, ClientKeyRecordJson::recordToJson, ClientKeyRecordJson::recordFromJson);

    private ClientKeyRecordJson() {
    }

    static JsonObject recordToJson(ClientKeyRecord r) {
        JsonObjectBuilder b = KeyLifecycleJson.lifecycleFields(r)
                .add("client", r.client())
                .add("algorithm", r.algorithm().httpName());
        optional(b, "publicJwk", r.publicJwk());
        optional(b, "sealedSecret", r.sealedSecret());
        return b.build();
    }

    static ClientKeyRecord recordFromJson(JsonObject o) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.byName(o.getString("algorithm"))
                .orElseThrow(() -> new IllegalArgumentException("unknown signature algorithm"));
        return new ClientKeyRecord(o.getString("keyId"), o.getString("client"), algorithm,
                o.getString("publicJwk", null), o.getString("sealedSecret", null), set(o.getJsonArray("scopes")),
                set(o.getJsonArray("groups")), Instant.parse(o.getString("created")), instant(o, "expires"),
                instant(o, "revoked"), o.getString("rotatedFrom", null), o.getString("replacedBy", null),
                instant(o, "graceUntil"));
    }
}

package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.keylife.KeyLifecycleJson;
import dev.latchkey.auth.keylife.SnapshotKeyStore;
import dev.latchkey.auth.limit.RateLimit;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;

import static dev.latchkey.auth.file.JsonFields.instant;
import static dev.latchkey.auth.file.JsonFields.optional;
import static dev.latchkey.auth.file.JsonFields.set;

/**
 * The JSON form of the key file (JSON-P): {@code {"version":1,"keys":[{...record...}]}}. Instants are ISO-8601
 * strings; absent optional fields are omitted.
 */
final class ApiKeyRecordJson {

    /** The records' file and memory form: unique by {@code hash()}. */
    static final SnapshotKeyStore.Format<ApiKeyRecord> FORMAT = new SnapshotKeyStore.Format<>("API key",
            ApiKeyRecord::hash, ApiKeyRecordJson::recordToJson, ApiKeyRecordJson::recordFromJson);

    private ApiKeyRecordJson() {
    }

    static JsonObject recordToJson(ApiKeyRecord r) {
        JsonObjectBuilder b = KeyLifecycleJson.lifecycleFields(r)
                .add("hash", r.hash())
                .add("environment", r.environment())
                .add("name", r.name());
        optional(b, "lastUsed", r.lastUsed());
        optional(b, "rateLimit", r.rateLimit());
        return b.build();
    }

    static ApiKeyRecord recordFromJson(JsonObject o) {
        return new ApiKeyRecord(o.getString("keyId"), o.getString("hash"), o.getString("environment"),
                o.getString("name"), set(o.getJsonArray("scopes")), set(o.getJsonArray("groups")),
                Instant.parse(o.getString("created")), instant(o, "expires"), instant(o, "revoked"),
                o.getString("rotatedFrom", null), o.getString("replacedBy", null), instant(o, "graceUntil"),
                instant(o, "lastUsed"),
                o.containsKey("rateLimit") ? RateLimit.parse(o.getString("rateLimit")) : null);
    }
}

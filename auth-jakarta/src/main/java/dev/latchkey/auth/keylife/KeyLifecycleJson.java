package dev.latchkey.auth.keylife;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import static dev.latchkey.auth.file.JsonFields.array;
import static dev.latchkey.auth.file.JsonFields.optional;

/** The JSON fields every key record has in its file (the {@link KeyLifecycle} ones); a kind adds its own. */
public final class KeyLifecycleJson {

    private KeyLifecycleJson() {
    }

    /** A builder holding the key id, scopes, groups, creation and the optional lifecycle instants and ids. */
    public static JsonObjectBuilder lifecycleFields(KeyLifecycle<?> r) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("keyId", r.keyId())
                .add("scopes", array(r.scopes()))
                .add("groups", array(r.groups()))
                .add("created", r.created().toString());
        optional(b, "expires", r.expires());
        optional(b, "revoked", r.revoked());
        optional(b, "rotatedFrom", r.rotatedFrom());
        optional(b, "replacedBy", r.replacedBy());
        optional(b, "graceUntil", r.graceUntil());
        return b;
    }
}

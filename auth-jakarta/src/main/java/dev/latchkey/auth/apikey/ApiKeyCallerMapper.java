package dev.latchkey.auth.apikey;

import dev.latchkey.auth.apikey.store.ApiKeyRecord;
import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.caller.LatchkeyCaller;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps a valid key's record to the caller: name = the record's name (owner), scopes and groups from the record,
 * attributes {@code keyId}, {@code environment} (and {@code rateLimit}, a {@link RateLimit}, when the key has its
 * own), credential id = key id for audit logs.
 */
public final class ApiKeyCallerMapper {

    public static final String MECHANISM = "api-key";
    public static final String ATTR_KEY_ID = "keyId";
    public static final String ATTR_ENVIRONMENT = "environment";
    public static final String ATTR_RATE_LIMIT = "rateLimit";

    private ApiKeyCallerMapper() {
    }

    public static LatchkeyCaller toCaller(ApiKeyRecord record) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(ATTR_KEY_ID, record.keyId());
        attributes.put(ATTR_ENVIRONMENT, record.environment());
        record.rateLimitOverride().ifPresent(limit -> attributes.put(ATTR_RATE_LIMIT, limit));
        return new LatchkeyCaller(record.name(), MECHANISM, record.groups(), record.scopes(), attributes,
                record.keyId());
    }
}

package dev.latchkey.auth.apikey.jdbc;

import dev.latchkey.auth.apikey.store.ApiKeyRecord;
import dev.latchkey.auth.apikey.store.ApiKeyStore;
import dev.latchkey.auth.apikey.store.ApiKeyStoreUnavailable;
import dev.latchkey.auth.keylife.KeyLifecycleStore;
import dev.latchkey.auth.limit.RateLimit;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static dev.latchkey.auth.apikey.jdbc.SqlValues.instant;
import static dev.latchkey.auth.apikey.jdbc.SqlValues.timestamp;
import static dev.latchkey.auth.apikey.jdbc.SqlValues.words;

/**
 * API keys in a SQL table ({@code latchkey_api_keys}, portable DDL for PostgreSQL and H2 in
 * {@link #TABLE}), looked up through a unique index on the hash. Every {@link SQLException}
 * except a uniqueness violation (SQLSTATE class 23) becomes {@link ApiKeyStoreUnavailable}; queries carry a timeout so
 * a hung database is reported as unavailable, not waited on forever ({@link SqlTable}).
 */
public class JdbcApiKeyStore extends JdbcKeyStore<ApiKeyRecord> implements ApiKeyStore {

    /** {@code latchkey_api_keys}: only SHA-256/HMAC-SHA-256 hashes of keys are stored, never the keys. */
    public static final Table TABLE = Table.of("latchkey_api_keys", "key_id, key_hash, environment, name, ",
            ", last_used_at, rate_limit", """
                key_id              VARCHAR(64)   NOT NULL PRIMARY KEY,
                key_hash            CHAR(64)      NOT NULL,
                environment         VARCHAR(32)   NOT NULL,
                name                VARCHAR(200)  NOT NULL,
            """, """
            ,
                last_used_at        TIMESTAMP WITH TIME ZONE,
                rate_limit          VARCHAR(64)""",
            "CREATE UNIQUE INDEX IF NOT EXISTS latchkey_api_keys_hash ON latchkey_api_keys (key_hash)");

    public JdbcApiKeyStore(DataSource dataSource, int queryTimeoutSeconds) {
        super(new SqlTable<>(dataSource, queryTimeoutSeconds, "API key database", ApiKeyStoreUnavailable::new,
                JdbcApiKeyStore::read), TABLE);
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String hash) {
        return table.query(TABLE.select() + " WHERE key_hash = ?", ps -> ps.setString(1, hash)).stream().findFirst();
    }

    @Override
    public void insert(ApiKeyRecord r) {
        table.insert("INSERT INTO latchkey_api_keys (" + TABLE.columns() + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?)", ps -> {
                    ps.setString(1, r.keyId());
                    ps.setString(2, r.hash());
                    bindMutable(ps, 3, r);
                }, () -> new IllegalArgumentException("duplicate API key id " + r.keyId()));
    }

    /**
     * Reads the row with {@code SELECT ... FOR UPDATE} and writes the changed record in the same transaction, so no
     * other write to the row lands in between.
     */
    @Override
    public Optional<ApiKeyRecord> compute(String keyId, UnaryOperator<ApiKeyRecord> change) {
        String update = "UPDATE latchkey_api_keys SET environment = ?, name = ?, scopes = ?, caller_groups = ?, "
                + "created_at = ?, expires_at = ?, revoked_at = ?, rotated_from = ?, replaced_by = ?, grace_until = ?, "
                + "last_used_at = ?, rate_limit = ?, key_hash = ? WHERE key_id = ?";
        return table.transaction("update", c -> {
            Optional<ApiKeyRecord> old = table.query(c, TABLE.select() + " WHERE key_id = ? FOR UPDATE",
                    ps -> ps.setString(1, keyId)).stream().findFirst();
            Optional<ApiKeyRecord> updated = old.map(r -> KeyLifecycleStore.changed(r, change));
            if (updated.isPresent() && !updated.equals(old)) {
                table.update(c, update, ps -> {
                    bindMutable(ps, 1, updated.get());
                    ps.setString(13, updated.get().hash());
                    ps.setString(14, keyId);
                });
            }
            return updated;
        });
    }

    /** One batched statement per flush; never moves {@code last_used_at} backwards. */
    @Override
    public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
        if (lastUsedByKeyId.isEmpty()) {
            return;
        }
        table.batch("record last use", "UPDATE latchkey_api_keys SET last_used_at = ? WHERE key_id = ? "
                + "AND (last_used_at IS NULL OR last_used_at < ?)", ps -> {
                    for (Map.Entry<String, Instant> e : lastUsedByKeyId.entrySet()) {
                        ps.setTimestamp(1, timestamp(e.getValue()));
                        ps.setString(2, e.getKey());
                        ps.setTimestamp(3, timestamp(e.getValue()));
                        ps.addBatch();
                    }
                });
    }

    private static void bindMutable(PreparedStatement ps, int start, ApiKeyRecord r) throws SQLException {
        int i = start;
        ps.setString(i++, r.environment());
        ps.setString(i++, r.name());
        i = bindLifecycle(ps, i, r);
        ps.setTimestamp(i++, timestamp(r.lastUsed()));
        ps.setString(i, r.rateLimit() == null ? null : r.rateLimit().toString());
    }

    private static ApiKeyRecord read(ResultSet rs) throws SQLException {
        String rateLimit = rs.getString("rate_limit");
        return new ApiKeyRecord(rs.getString("key_id"), rs.getString("key_hash").trim(), rs.getString("environment"),
                rs.getString("name"), words(rs.getString("scopes")), words(rs.getString("caller_groups")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("revoked_at")), rs.getString("rotated_from"), rs.getString("replaced_by"),
                instant(rs.getTimestamp("grace_until")), instant(rs.getTimestamp("last_used_at")),
                rateLimit == null ? null : RateLimit.parse(rateLimit));
    }
}

package dev.latchkey.auth.apikey.jdbc;

import java.time.Instant;

/**
 * The targeted lifecycle writes of a key table (API keys, clients' signing keys), each one statement and so atomic in
 * the database: a revocation sets only {@code revoked_at} and only when it is null; a rotation sets only
 * {@code replaced_by} and {@code grace_until}, and only on a row neither revoked nor replaced.
 */
public final class LifecycleStatements {

    private LifecycleStatements() {
    }

    /** Sets {@code revoked_at} of row {@code keyId} in {@code tableName} unless it is set. */
    public static void revoke(SqlTable<?> table, String tableName, String keyId, Instant when) {
        table.update("revoke", "UPDATE " + tableName + " SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL",
                ps -> {
                    ps.setTimestamp(1, SqlValues.timestamp(when));
                    ps.setString(2, keyId);
                });
    }

    /** Marks row {@code keyId} in {@code tableName} as rotated out; returns whether the row was marked. */
    public static boolean markReplaced(SqlTable<?> table, String tableName, String keyId, String newKeyId,
                                       Instant graceUntil) {
        return table.update("mark replaced", "UPDATE " + tableName + " SET replaced_by = ?, grace_until = ? "
                + "WHERE key_id = ? AND revoked_at IS NULL AND replaced_by IS NULL", ps -> {
                    ps.setString(1, newKeyId);
                    ps.setTimestamp(2, SqlValues.timestamp(graceUntil));
                    ps.setString(3, keyId);
                }) == 1;
    }
}

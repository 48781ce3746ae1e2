package dev.latchkey.auth.apikey.jdbc;

import dev.latchkey.auth.keylife.KeyLifecycle;
import dev.latchkey.auth.keylife.KeyLifecycleStore;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.latchkey.auth.apikey.jdbc.SqlValues.timestamp;

/**
 * A key kind's records in a SQL table (API keys, clients' signing keys), on a {@link SqlTable}: the kind's own columns
 * around the lifecycle columns every key table has ({@link #LIFECYCLE_COLUMNS}), the lookups by key id, the DDL
 * (PostgreSQL and H2 alike, idempotent), and the targeted lifecycle writes, each one statement and so atomic in the
 * database: a revocation sets only {@code revoked_at} and only when it is null; a rotation sets only
 * {@code replaced_by} and {@code grace_until}, and only on a row neither revoked nor replaced.
 *
 * @param <R> the record a row holds
 */
public abstract class JdbcKeyStore<R extends KeyLifecycle<R>> implements KeyLifecycleStore<R> {

    /** The lifecycle columns, in the order {@link #bindLifecycle} sets them. */
    public static final String LIFECYCLE_COLUMNS = "scopes, caller_groups, created_at, expires_at, revoked_at, "
            + "rotated_from, replaced_by, grace_until";
    private static final String LIFECYCLE_DDL = """
                scopes              VARCHAR(4000) NOT NULL DEFAULT '',
                caller_groups       VARCHAR(4000) NOT NULL DEFAULT '',
                created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
                expires_at          TIMESTAMP WITH TIME ZONE,
                revoked_at          TIMESTAMP WITH TIME ZONE,
                rotated_from        VARCHAR(64),
                replaced_by         VARCHAR(64),
                grace_until         TIMESTAMP WITH TIME ZONE""";

    /** A key table: its name, its columns in order, and its DDL. */
    public record Table(String name, String columns, List<String> ddl) {

        /**
         * @param leadingColumns  the names of the columns before the lifecycle ones, ending with {@code ", "}
         * @param trailingColumns the names of the columns after them, starting with {@code ", "}; may be empty
         * @param leading         the DDL of the columns before the lifecycle ones, each line ending with a comma
         * @param trailing        the DDL of the columns after them, each line starting with a comma; may be empty
         * @param indexes         further statements, e.g. a unique index
         */
        public static Table of(String name, String leadingColumns, String trailingColumns, String leading,
                               String trailing, String... indexes) {
            String columns = leadingColumns + LIFECYCLE_COLUMNS + trailingColumns;
            String create = "CREATE TABLE IF NOT EXISTS " + name + " (\n" + leading + LIFECYCLE_DDL + trailing + "\n)";
            return new Table(name, columns, Stream.concat(Stream.of(create), Stream.of(indexes)).toList());
        }

        public String select() {
            return "SELECT " + columns + " FROM " + name;
        }
    }

    protected final SqlTable<R> table;
    protected final Table definition;

    protected JdbcKeyStore(SqlTable<R> table, Table definition) {
        this.table = table;
        this.definition = definition;
    }

    /** Runs the table's DDL (PostgreSQL and H2 alike); idempotent. */
    public void createSchema() {
        table.createSchema(definition.ddl());
    }

    public Optional<R> findById(String keyId) {
        return table.query(definition.select() + " WHERE key_id = ?", ps -> ps.setString(1, keyId)).stream()
                .findFirst();
    }

    /** All records, in creation order. */
    public List<R> list() {
        return table.query(definition.select() + " ORDER BY created_at, key_id", ps -> { });
    }

    /** Sets {@code revoked_at} only, and only when it is null: one statement, atomic in the database. */
    @Override
    public Optional<R> revoke(String keyId, Instant when) {
        table.update("revoke", "UPDATE " + definition.name() + " SET revoked_at = ? WHERE key_id = ? "
                + "AND revoked_at IS NULL", ps -> {
                    ps.setTimestamp(1, timestamp(when));
                    ps.setString(2, keyId);
                });
        return findById(keyId);
    }

    /** Sets {@code replaced_by} and {@code grace_until} only, and only on a row neither revoked nor replaced. */
    @Override
    public boolean markReplaced(String keyId, String newKeyId, Instant graceUntil) {
        return table.update("mark replaced", "UPDATE " + definition.name() + " SET replaced_by = ?, grace_until = ? "
                + "WHERE key_id = ? AND revoked_at IS NULL AND replaced_by IS NULL", ps -> {
                    ps.setString(1, newKeyId);
                    ps.setTimestamp(2, timestamp(graceUntil));
                    ps.setString(3, keyId);
                }) == 1;
    }

    /** Sets the {@link #LIFECYCLE_COLUMNS} of {@code r} from parameter {@code start} on; returns the next index. */
    protected static int bindLifecycle(PreparedStatement ps, int start, KeyLifecycle<?> r) throws SQLException {
        int i = start;
        ps.setString(i++, String.join(" ", r.scopes()));
        ps.setString(i++, String.join(" ", r.groups()));
        ps.setTimestamp(i++, timestamp(r.created()));
        ps.setTimestamp(i++, timestamp(r.expires()));
        ps.setTimestamp(i++, timestamp(r.revoked()));
        ps.setString(i++, r.rotatedFrom());
        ps.setString(i++, r.replacedBy());
        ps.setTimestamp(i++, timestamp(r.graceUntil()));
        return i;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + table + "]";
    }
}

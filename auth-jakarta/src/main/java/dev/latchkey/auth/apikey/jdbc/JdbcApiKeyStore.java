package dev.latchkey.auth.apikey.jdbc;

import dev.latchkey.auth.apikey.ApiKeyRecord;
import dev.latchkey.auth.apikey.RateLimit;
import dev.latchkey.auth.apikey.store.ApiKeyStore;
import dev.latchkey.auth.apikey.store.ApiKeyStoreUnavailable;
import dev.latchkey.auth.apikey.store.StoredRecords;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * API keys in a SQL table ({@code latchkey_api_keys}, portable DDL for PostgreSQL and H2 in
 * {@code dev/latchkey/apikey/schema.sql}), looked up through a unique index on the hash. Every {@link SQLException}
 * except a uniqueness violation (SQLSTATE class 23) becomes {@link ApiKeyStoreUnavailable}; queries carry a timeout so
 * a hung database is reported as unavailable, not waited on forever.
 */
public class JdbcApiKeyStore implements ApiKeyStore {

    private static final String COLUMNS = "key_id, key_hash, environment, name, scopes, caller_groups, created_at, "
            + "expires_at, revoked_at, rotated_from, replaced_by, grace_until, last_used_at, rate_limit";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM latchkey_api_keys";

    private final DataSource dataSource;
    private final int queryTimeoutSeconds;

    public JdbcApiKeyStore(DataSource dataSource, int queryTimeoutSeconds) {
        this.dataSource = dataSource;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    /** Runs the shipped DDL ({@code schema.sql}, PostgreSQL and H2 alike); idempotent. */
    public void createSchema() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String ddl : readResource("schema.sql").split(";")) {
                String sql = ddl.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw unavailable("create schema", e);
        }
    }

    private static String readResource(String name) {
        try (InputStream in = JdbcApiKeyStore.class.getResourceAsStream("/dev/latchkey/apikey/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String hash) {
        List<ApiKeyRecord> found = query(SELECT + " WHERE key_hash = ?", hash);
        return found.stream().findFirst();
    }

    @Override
    public Optional<ApiKeyRecord> findById(String keyId) {
        return query(SELECT + " WHERE key_id = ?", keyId).stream().findFirst();
    }

    @Override
    public List<ApiKeyRecord> list() {
        return query(SELECT + " ORDER BY created_at, key_id", null);
    }

    @Override
    public void insert(ApiKeyRecord r) {
        String sql = "INSERT INTO latchkey_api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            ps.setString(1, r.keyId());
            ps.setString(2, r.hash());
            bindMutable(ps, 3, r);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new IllegalArgumentException("duplicate API key id " + r.keyId());
            }
            throw unavailable("insert", e);
        }
    }

    /** Sets {@code revoked_at} only, and only when it is null: one statement, atomic in the database. */
    @Override
    public Optional<ApiKeyRecord> revoke(String keyId, Instant when) {
        execute("revoke", "UPDATE latchkey_api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL",
                ps -> {
                    ps.setTimestamp(1, timestamp(when));
                    ps.setString(2, keyId);
                });
        return findById(keyId);
    }

    /** Sets {@code replaced_by} and {@code grace_until} only, and only on a row neither revoked nor replaced. */
    @Override
    public boolean markReplaced(String keyId, String newKeyId, Instant graceUntil) {
        return execute("mark replaced", "UPDATE latchkey_api_keys SET replaced_by = ?, grace_until = ? "
                + "WHERE key_id = ? AND revoked_at IS NULL AND replaced_by IS NULL", ps -> {
                    ps.setString(1, newKeyId);
                    ps.setTimestamp(2, timestamp(graceUntil));
                    ps.setString(3, keyId);
                }) == 1;
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
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Optional<ApiKeyRecord> old;
                try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE key_id = ? FOR UPDATE")) {
                    ps.setQueryTimeout(queryTimeoutSeconds);
                    ps.setString(1, keyId);
                    old = readAll(ps).stream().findFirst();
                }
                Optional<ApiKeyRecord> updated = old.map(r -> StoredRecords.changed(r, change));
                if (updated.isPresent() && !updated.equals(old)) {
                    try (PreparedStatement ps = c.prepareStatement(update)) {
                        ps.setQueryTimeout(queryTimeoutSeconds);
                        bindMutable(ps, 1, updated.get());
                        ps.setString(13, updated.get().hash());
                        ps.setString(14, keyId);
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return updated;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw unavailable("update", e);
        }
    }

    /** One batched statement per flush; never moves {@code last_used_at} backwards. */
    @Override
    public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
        if (lastUsedByKeyId.isEmpty()) {
            return;
        }
        String sql = "UPDATE latchkey_api_keys SET last_used_at = ? WHERE key_id = ? "
                + "AND (last_used_at IS NULL OR last_used_at < ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            for (Map.Entry<String, Instant> e : lastUsedByKeyId.entrySet()) {
                ps.setTimestamp(1, timestamp(e.getValue()));
                ps.setString(2, e.getKey());
                ps.setTimestamp(3, timestamp(e.getValue()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw unavailable("record last use", e);
        }
    }

    private static void bindMutable(PreparedStatement ps, int start, ApiKeyRecord r) throws SQLException {
        int i = start;
        ps.setString(i++, r.environment());
        ps.setString(i++, r.name());
        ps.setString(i++, String.join(" ", r.scopes()));
        ps.setString(i++, String.join(" ", r.groups()));
        ps.setTimestamp(i++, timestamp(r.created()));
        ps.setTimestamp(i++, timestamp(r.expires()));
        ps.setTimestamp(i++, timestamp(r.revoked()));
        ps.setString(i++, r.rotatedFrom());
        ps.setString(i++, r.replacedBy());
        ps.setTimestamp(i++, timestamp(r.graceUntil()));
        ps.setTimestamp(i++, timestamp(r.lastUsed()));
        ps.setString(i, r.rateLimit() == null ? null : r.rateLimit().toString());
    }

    /** One parameterised statement; returns the update count. */
    private int execute(String operation, String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(operation, e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<ApiKeyRecord> query(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            return readAll(ps);
        } catch (SQLException e) {
            throw unavailable("query", e);
        }
    }

    private static List<ApiKeyRecord> readAll(PreparedStatement ps) throws SQLException {
        List<ApiKeyRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        } catch (RuntimeException e) {
            throw new ApiKeyStoreUnavailable("API key database holds an unreadable row: " + e.getClass().getSimpleName(), e);
        }
        return out;
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

    private static Set<String> words(String value) {
        return value == null || value.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(value.trim().split("\\s+")));
    }

    /**
     * The instant as the database keeps it: PostgreSQL and H2 keep microseconds and <em>round</em> the rest, which
     * could store a revocation after the instant it was made (the key still accepted within that microsecond);
     * truncated here, every instant is stored at or before the one given.
     */
    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static ApiKeyStoreUnavailable unavailable(String operation, SQLException e) {
        return new ApiKeyStoreUnavailable("API key database " + operation + " failed (SQLSTATE " + e.getSQLState() + ")", e);
    }

    @Override
    public String toString() {
        return "JdbcApiKeyStore[" + dataSource + "]";
    }
}

package dev.latchkey.auth.signature.keys;

import dev.latchkey.auth.apikey.jdbc.SqlValues;
import dev.latchkey.auth.signature.SignatureAlgorithm;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static dev.latchkey.auth.apikey.jdbc.SqlValues.instant;
import static dev.latchkey.auth.apikey.jdbc.SqlValues.timestamp;
import static dev.latchkey.auth.apikey.jdbc.SqlValues.words;

/**
 * Signature keys in a SQL table ({@code latchkey_signature_keys}, DDL for PostgreSQL and H2 in
 * {@code dev/latchkey/signature/schema.sql}), in the database of {@code latchkey.api-key.jdbc.*}. Every
 * {@link SQLException} except a uniqueness violation (SQLSTATE class 23) becomes {@link ClientKeyStoreUnavailable};
 * statements carry the query timeout.
 */
public class JdbcClientKeyStore implements ClientKeyStore {

    private static final String COLUMNS = "key_id, client, algorithm, public_jwk, sealed_secret, scopes, caller_groups, "
            + "created_at, expires_at, revoked_at, rotated_from, replaced_by, grace_until";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM latchkey_signature_keys";

    private final DataSource dataSource;
    private final int queryTimeoutSeconds;

    public JdbcClientKeyStore(DataSource dataSource, int queryTimeoutSeconds) {
        this.dataSource = dataSource;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    /** Runs the shipped DDL ({@code dev/latchkey/signature/schema.sql}); idempotent. */
    public void createSchema() {
        try {
            SqlValues.runScript(dataSource, "/dev/latchkey/signature/schema.sql");
        } catch (SQLException e) {
            throw unavailable("create schema", e);
        }
    }

    @Override
    public Optional<ClientKeyRecord> findById(String keyId) {
        return query(SELECT + " WHERE key_id = ?", keyId).stream().findFirst();
    }

    @Override
    public List<ClientKeyRecord> list() {
        return query(SELECT + " ORDER BY created_at, key_id", null);
    }

    @Override
    public void insert(ClientKeyRecord r) {
        String sql = "INSERT INTO latchkey_signature_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            bind(ps, r);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new IllegalArgumentException("duplicate signature key id " + r.keyId());
            }
            throw unavailable("insert", e);
        }
    }

    /** One statement: sets {@code revoked_at} only when it is null. */
    @Override
    public Optional<ClientKeyRecord> revoke(String keyId, Instant when) {
        update("revoke", "UPDATE latchkey_signature_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL",
                Timestamp.from(when), keyId);
        return findById(keyId);
    }

    /** One statement, only on a row neither revoked nor replaced. */
    @Override
    public boolean markReplaced(String keyId, String newKeyId, Instant graceUntil) {
        return update("mark replaced", "UPDATE latchkey_signature_keys SET replaced_by = ?, grace_until = ? "
                + "WHERE key_id = ? AND revoked_at IS NULL AND replaced_by IS NULL", newKeyId,
                Timestamp.from(graceUntil), keyId) == 1;
    }

    /** {@code SELECT ... FOR UPDATE}, then the whole changed row in the same transaction. */
    @Override
    public Optional<ClientKeyRecord> compute(String keyId, UnaryOperator<ClientKeyRecord> change) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Optional<ClientKeyRecord> updated;
                try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE key_id = ? FOR UPDATE")) {
                    ps.setQueryTimeout(queryTimeoutSeconds);
                    ps.setString(1, keyId);
                    updated = readAll(ps).stream().findFirst().map(r -> ClientKeyStore.changed(r, change));
                }
                if (updated.isPresent()) {
                    try (PreparedStatement del = c.prepareStatement("DELETE FROM latchkey_signature_keys WHERE key_id = ?");
                         PreparedStatement ins = c.prepareStatement("INSERT INTO latchkey_signature_keys (" + COLUMNS
                                 + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        del.setQueryTimeout(queryTimeoutSeconds);
                        del.setString(1, keyId);
                        del.executeUpdate();
                        ins.setQueryTimeout(queryTimeoutSeconds);
                        bind(ins, updated.get());
                        ins.executeUpdate();
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

    private static void bind(PreparedStatement ps, ClientKeyRecord r) throws SQLException {
        ps.setString(1, r.keyId());
        ps.setString(2, r.client());
        ps.setString(3, r.algorithm().httpName());
        ps.setString(4, r.publicJwk());
        ps.setString(5, r.sealedSecret());
        ps.setString(6, String.join(" ", r.scopes()));
        ps.setString(7, String.join(" ", r.groups()));
        ps.setTimestamp(8, Timestamp.from(r.created()));
        ps.setTimestamp(9, timestamp(r.expires()));
        ps.setTimestamp(10, timestamp(r.revoked()));
        ps.setString(11, r.rotatedFrom());
        ps.setString(12, r.replacedBy());
        ps.setTimestamp(13, timestamp(r.graceUntil()));
    }

    private int update(String operation, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(operation, e);
        }
    }

    private List<ClientKeyRecord> query(String sql, String parameter) {
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

    private static List<ClientKeyRecord> readAll(PreparedStatement ps) throws SQLException {
        List<ClientKeyRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                SignatureAlgorithm algorithm = SignatureAlgorithm.byName(rs.getString("algorithm"))
                        .orElseThrow(() -> new IllegalArgumentException("unknown algorithm"));
                out.add(new ClientKeyRecord(rs.getString("key_id"), rs.getString("client"), algorithm,
                        rs.getString("public_jwk"), rs.getString("sealed_secret"), words(rs.getString("scopes")),
                        words(rs.getString("caller_groups")), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at")),
                        rs.getString("rotated_from"), rs.getString("replaced_by"),
                        instant(rs.getTimestamp("grace_until"))));
            }
        } catch (RuntimeException e) {
            throw new ClientKeyStoreUnavailable("signature key database holds an unreadable row: "
                    + e.getClass().getSimpleName(), e);
        }
        return out;
    }

    private static ClientKeyStoreUnavailable unavailable(String operation, SQLException e) {
        return new ClientKeyStoreUnavailable("signature key database " + operation + " failed (SQLSTATE "
                + e.getSQLState() + ")", e);
    }

    @Override
    public String toString() {
        return "JdbcClientKeyStore[" + dataSource + "]";
    }
}

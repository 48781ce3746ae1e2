package dev.latchkey.auth.signature.keys;

import dev.latchkey.auth.apikey.jdbc.LifecycleStatements;
import dev.latchkey.auth.apikey.jdbc.SqlTable;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static dev.latchkey.auth.apikey.jdbc.SqlValues.instant;
import static dev.latchkey.auth.apikey.jdbc.SqlValues.timestamp;
import static dev.latchkey.auth.apikey.jdbc.SqlValues.words;

/**
 * Signature keys in a SQL table ({@code latchkey_signature_keys}, DDL for PostgreSQL and H2 in
 * {@code dev/latchkey/signature/schema.sql}), in the database of {@code latchkey.api-key.jdbc.*}. Every
 * {@link SQLException} except a uniqueness violation becomes {@link ClientKeyStoreUnavailable}; statements carry the
 * query timeout ({@link SqlTable}).
 */
public class JdbcClientKeyStore implements ClientKeyStore {

    private static final String COLUMNS = "key_id, client, algorithm, public_jwk, sealed_secret, scopes, caller_groups, "
            + "created_at, expires_at, revoked_at, rotated_from, replaced_by, grace_until";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM latchkey_signature_keys";
    private static final String INSERT = "INSERT INTO latchkey_signature_keys (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final SqlTable<ClientKeyRecord> table;

    public JdbcClientKeyStore(DataSource dataSource, int queryTimeoutSeconds) {
        this.table = new SqlTable<>(dataSource, queryTimeoutSeconds, "signature key database",
                ClientKeyStoreUnavailable::new, JdbcClientKeyStore::read);
    }

    /** Runs the shipped DDL ({@code dev/latchkey/signature/schema.sql}); idempotent. */
    public void createSchema() {
        table.createSchema("/dev/latchkey/signature/schema.sql");
    }

    @Override
    public Optional<ClientKeyRecord> findById(String keyId) {
        return table.query(SELECT + " WHERE key_id = ?", ps -> ps.setString(1, keyId)).stream().findFirst();
    }

    @Override
    public List<ClientKeyRecord> list() {
        return table.query(SELECT + " ORDER BY created_at, key_id", ps -> { });
    }

    @Override
    public void insert(ClientKeyRecord r) {
        table.insert(INSERT, ps -> bind(ps, r),
                () -> new IllegalArgumentException("duplicate signature key id " + r.keyId()));
    }

    /** One statement: sets {@code revoked_at} only when it is null. */
    @Override
    public Optional<ClientKeyRecord> revoke(String keyId, Instant when) {
        LifecycleStatements.revoke(table, "latchkey_signature_keys", keyId, when);
        return findById(keyId);
    }

    /** One statement, only on a row neither revoked nor replaced. */
    @Override
    public boolean markReplaced(String keyId, String newKeyId, Instant graceUntil) {
        return LifecycleStatements.markReplaced(table, "latchkey_signature_keys", keyId, newKeyId, graceUntil);
    }

    /** {@code SELECT ... FOR UPDATE}, then the changed row replaces it in the same transaction. */
    @Override
    public Optional<ClientKeyRecord> compute(String keyId, UnaryOperator<ClientKeyRecord> change) {
        return table.transaction("update", c -> {
            Optional<ClientKeyRecord> updated = table.query(c, SELECT + " WHERE key_id = ? FOR UPDATE",
                    ps -> ps.setString(1, keyId)).stream().findFirst().map(r -> ClientKeyStore.changed(r, change));
            if (updated.isPresent()) {
                table.update(c, "DELETE FROM latchkey_signature_keys WHERE key_id = ?", ps -> ps.setString(1, keyId));
                table.update(c, INSERT, ps -> bind(ps, updated.get()));
            }
            return updated;
        });
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

    private static ClientKeyRecord read(ResultSet rs) throws SQLException {
        SignatureAlgorithm algorithm = SignatureAlgorithm.byName(rs.getString("algorithm"))
                .orElseThrow(() -> new IllegalArgumentException("unknown algorithm"));
        return new ClientKeyRecord(rs.getString("key_id"), rs.getString("client"), algorithm,
                rs.getString("public_jwk"), rs.getString("sealed_secret"), words(rs.getString("scopes")),
                words(rs.getString("caller_groups")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at")),
                rs.getString("rotated_from"), rs.getString("replaced_by"), instant(rs.getTimestamp("grace_until")));
    }

    @Override
    public String toString() {
        return "JdbcClientKeyStore[" + table + "]";
    }
}

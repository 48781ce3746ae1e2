package dev.latchkey.auth.signature.keys;

import dev.latchkey.auth.apikey.jdbc.JdbcKeyStore;
import dev.latchkey.auth.apikey.jdbc.SqlTable;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static dev.latchkey.auth.apikey.jdbc.SqlValues.instant;
import static dev.latchkey.auth.apikey.jdbc.SqlValues.words;

/**
 * Signature keys in a SQL table ({@code latchkey_signature_keys}, DDL for PostgreSQL and H2 in
 * {@link #TABLE}), in the database of {@code latchkey.api-key.jdbc.*}. Every
 * {@link SQLException} except a uniqueness violation becomes {@link ClientKeyStoreUnavailable}; statements carry the
 * query timeout ({@link SqlTable}).
 */
public class JdbcClientKeyStore extends JdbcKeyStore<ClientKeyRecord> implements ClientKeyStore {

    /**
     * {@code latchkey_signature_keys}: public keys as JWKs, HMAC secrets sealed (AES-GCM) under the key-encryption key
     * {@code latchkey.signature.kek}. No plaintext secret is stored.
     */
    public static final Table TABLE = Table.of("latchkey_signature_keys",
            "key_id, client, algorithm, public_jwk, sealed_secret, ", "", """
                key_id              VARCHAR(64)   NOT NULL PRIMARY KEY,
                client              VARCHAR(200)  NOT NULL,
                algorithm           VARCHAR(32)   NOT NULL,
                public_jwk          VARCHAR(8000),
                sealed_secret       VARCHAR(512),
            """, "");
    private static final String INSERT = "INSERT INTO latchkey_signature_keys (" + TABLE.columns()
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    public JdbcClientKeyStore(DataSource dataSource, int queryTimeoutSeconds) {
        super(new SqlTable<>(dataSource, queryTimeoutSeconds, "signature key database",
                ClientKeyStoreUnavailable::new, JdbcClientKeyStore::read), TABLE);
    }

    @Override
    public void insert(ClientKeyRecord r) {
        table.insert(INSERT, ps -> bind(ps, r),
                () -> new IllegalArgumentException("duplicate signature key id " + r.keyId()));
    }

    /** {@code SELECT ... FOR UPDATE}, then the changed row replaces it in the same transaction. */
    @Override
    public Optional<ClientKeyRecord> compute(String keyId, UnaryOperator<ClientKeyRecord> change) {
        return table.transaction("update", c -> {
            Optional<ClientKeyRecord> updated = table.query(c, TABLE.select() + " WHERE key_id = ? FOR UPDATE",
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
        bindLifecycle(ps, 6, r);
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

}

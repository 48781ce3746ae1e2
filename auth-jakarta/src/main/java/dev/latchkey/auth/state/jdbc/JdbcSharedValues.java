package dev.latchkey.auth.state.jdbc;

import dev.latchkey.auth.state.SharedValues;
import dev.latchkey.auth.state.StateKeys;
import dev.latchkey.auth.state.StoreFailures;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link SharedValues} in PostgreSQL's {@code latchkey_state_values}: every operation is one statement (one
 * round-trip, atomic in the database): an insert-if-absent is {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE}
 * the old row expired, a compare-and-set an {@code UPDATE ... WHERE value = ?}. Expiry is judged on the instance's
 * clock (epoch milliseconds), like Bucket4j's client-side clock.
 */
public record JdbcSharedValues(DataSource dataSource, String namespace, int timeoutSeconds, Clock clock,
                               StoreFailures failures) implements SharedValues {

    private static final String TABLE = "latchkey_state_values";


    @Override
    public Optional<String> get(String key) {
        return sql("read " + namespace, "SELECT value FROM " + TABLE + " WHERE id = ? AND expires_at > ?", ps -> {
            ps.setString(1, id(key));
            ps.setLong(2, clock.millis());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Override
    public boolean compareAndSet(String key, Optional<String> expected, Optional<String> value, Instant expiresAt) {
        long now = clock.millis();
        if (value.isPresent() && expiresAt.toEpochMilli() <= now) {
            value = Optional.empty();
        }
        String id = id(key);
        String operation = "update " + namespace;
        if (expected.isEmpty() && value.isEmpty()) {
            return get(key).isEmpty();
        }
        if (expected.isEmpty()) {
            String v = value.get();
            return sql(operation, "INSERT INTO " + TABLE + " (id, value, expires_at) VALUES (?, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at "
                    + "WHERE " + TABLE + ".expires_at <= ?", ps -> {
                        ps.setString(1, id);
                        ps.setString(2, v);
                        ps.setLong(3, expiresAt.toEpochMilli());
                        ps.setLong(4, now);
                        return ps.executeUpdate() == 1;
                    });
        }
        String old = expected.get();
        if (value.isEmpty()) {
            return sql(operation, "DELETE FROM " + TABLE + " WHERE id = ? AND value = ? AND expires_at > ?", ps -> {
                ps.setString(1, id);
                ps.setString(2, old);
                ps.setLong(3, now);
                return ps.executeUpdate() == 1;
            });
        }
        String v = value.get();
        return sql(operation, "UPDATE " + TABLE + " SET value = ?, expires_at = ? WHERE id = ? AND value = ? "
                + "AND expires_at > ?", ps -> {
                    ps.setString(1, v);
                    ps.setLong(2, expiresAt.toEpochMilli());
                    ps.setString(3, id);
                    ps.setString(4, old);
                    ps.setLong(5, now);
                    return ps.executeUpdate() == 1;
                });
    }

    @Override
    public void remove(String key) {
        sql("remove " + namespace, "DELETE FROM " + TABLE + " WHERE id = ?", ps -> {
            ps.setString(1, id(key));
            return ps.executeUpdate();
        });
    }

    @Override
    public long size() {
        return -1;
    }

    private String id(String key) {
        return StateKeys.bounded(namespace + ':' + key);
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    private <T> T sql(String operation, String sql, Statement<T> statement) {
        return failures.call(operation, () -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setQueryTimeout(timeoutSeconds);
                return statement.run(ps);
            } catch (SQLException e) {
                throw failures.unavailable(operation, e);
            }
        });
    }
}

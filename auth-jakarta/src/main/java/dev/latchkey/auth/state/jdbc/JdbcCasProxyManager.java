package dev.latchkey.auth.state.jdbc;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Bucket4j token buckets in PostgreSQL's {@code latchkey_state_buckets} by compare-and-swap, the way Bucket4j keeps
 * them in Redis: Bucket4j reads the bucket's state ({@code SELECT}, one round-trip), computes the command in this JVM,
 * and writes the new state only if the stored one is still the state it read ({@code UPDATE ... WHERE state = ?}, or
 * an {@code INSERT ... ON CONFLICT} for a new bucket: one round-trip); when another instance wrote meanwhile, Bucket4j
 * reads again and retries. Two statements in autocommit, no transaction and no row lock held between them, where
 * Bucket4j's own PostgreSQL backends need three ({@code SELECT ... FOR UPDATE}, {@code UPDATE}, {@code COMMIT}) or four
 * (advisory lock). Every bucket expires when it would be full again ({@code expires_at}, epoch milliseconds);
 * {@link #removeExpired} deletes those rows, which changes nothing a command decides.
 */
final class JdbcCasProxyManager extends AbstractCompareAndSwapBasedProxyManager<String> {

    private static final String TABLE = "latchkey_state_buckets";
    private static final String SELECT = "SELECT state FROM " + TABLE + " WHERE id = ?";
    private static final String INSERT = "INSERT INTO " + TABLE + " (id, state, expires_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, expires_at = EXCLUDED.expires_at "
            + "WHERE " + TABLE + ".state IS NULL";
    private static final String UPDATE = "UPDATE " + TABLE + " SET state = ?, expires_at = ? "
            + "WHERE id = ? AND state = ?";

    private final DataSource dataSource;
    private final int timeoutSeconds;
    private final ExpirationAfterWriteStrategy expiration;

    JdbcCasProxyManager(DataSource dataSource, int timeoutSeconds, ClientSideConfig config) {
        super(config);
        this.dataSource = dataSource;
        this.timeoutSeconds = timeoutSeconds;
        this.expiration = config.getExpirationAfterWriteStrategy().orElse(ExpirationAfterWriteStrategy.none());
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return sql(SELECT, ps -> {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
                    }
                });
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                          Optional<Long> timeoutNanos) {
                long ttl = expiration.calculateTimeToLiveMillis(newState, currentTimeNanos());
                Long expiresAt = ttl > 0 ? currentTimeNanos() / 1_000_000 + ttl : null;
                if (originalData == null) {
                    return sql(INSERT, ps -> {
                        ps.setString(1, key);
                        ps.setBytes(2, newData);
                        setExpiry(ps, 3, expiresAt);
                        return ps.executeUpdate() == 1;
                    });
                }
                return sql(UPDATE, ps -> {
                    ps.setBytes(1, newData);
                    setExpiry(ps, 2, expiresAt);
                    ps.setString(3, key);
                    ps.setBytes(4, originalData);
                    return ps.executeUpdate() == 1;
                });
            }
        };
    }

    /** Deletes up to {@code batchSize} buckets that would be full again by now; the number deleted. */
    int removeExpired(int batchSize) {
        return sql("DELETE FROM " + TABLE + " WHERE id IN (SELECT id FROM " + TABLE + " WHERE expires_at <= ? LIMIT ?)",
                ps -> {
                    ps.setLong(1, currentTimeNanos() / 1_000_000);
                    ps.setInt(2, batchSize);
                    return ps.executeUpdate();
                });
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("the JDBC bucket store is synchronous");
    }

    @Override
    public void removeProxy(String key) {
        sql("DELETE FROM " + TABLE + " WHERE id = ?", ps -> {
            ps.setString(1, key);
            return ps.executeUpdate();
        });
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("the JDBC bucket store is synchronous");
    }

    private static void setExpiry(PreparedStatement ps, int index, Long expiresAt) throws SQLException {
        if (expiresAt == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, expiresAt);
        }
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    /** One statement on a pooled connection in autocommit; a failure is Bucket4j's execution exception (a 503). */
    private <T> T sql(String sql, Statement<T> statement) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(timeoutSeconds);
            return statement.run(ps);
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }
}

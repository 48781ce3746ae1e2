package dev.latchkey.auth.apikey.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The statements of one of Latchkey's record tables (API keys, signature keys): every statement carries the query
 * timeout, every {@link SQLException} becomes the owner's "unavailable" exception (so an outage is never an unknown
 * record), except a uniqueness violation on insert (SQLSTATE class 23), and a row that cannot be read is an outage
 * too. {@link #transaction} runs several statements on one connection, committed together or rolled back.
 *
 * @param <R> the record a row holds
 */
public final class SqlTable<R> {

    /** Sets a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads the record of the current row. */
    @FunctionalInterface
    public interface RowReader<R> {
        R read(ResultSet rs) throws SQLException;
    }

    /** Statements on one connection, inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final int timeoutSeconds;
    private final String what;
    private final BiFunction<String, Throwable, RuntimeException> unavailable;
    private final RowReader<R> reader;

    /**
     * @param what        how messages name the database, e.g. {@code "API key database"}
     * @param unavailable makes the outage exception from a message and a cause
     */
    public SqlTable(DataSource dataSource, int timeoutSeconds, String what,
                    BiFunction<String, Throwable, RuntimeException> unavailable, RowReader<R> reader) {
        this.dataSource = dataSource;
        this.timeoutSeconds = timeoutSeconds;
        this.what = what;
        this.unavailable = unavailable;
        this.reader = reader;
    }

    /** Runs DDL statements, in order. */
    public void createSchema(List<String> statements) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String ddl : statements) {
                s.execute(ddl);
            }
        } catch (SQLException e) {
            throw unavailable("create schema", e);
        }
    }

    public List<R> query(String sql, Binder binder) {
        return transactionless("query", c -> query(c, sql, binder));
    }

    /** A query on {@code c} (inside a {@link #transaction}). */
    public List<R> query(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql)) {
            binder.bind(ps);
            List<R> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            } catch (RuntimeException e) {
                throw unavailable.apply(what + " holds an unreadable row: " + e.getClass().getSimpleName(), e);
            }
            return out;
        }
    }

    /** One statement; returns the update count. */
    public int update(String operation, String sql, Binder binder) {
        return transactionless(operation, c -> update(c, sql, binder));
    }

    /** An update on {@code c} (inside a {@link #transaction}). */
    public int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    /** One statement run as a batch: {@code binder} adds each set of parameters ({@code addBatch}). */
    public void batch(String operation, String sql, Binder binder) {
        transactionless(operation, c -> {
            try (PreparedStatement ps = prepare(c, sql)) {
                binder.bind(ps);
                return ps.executeBatch();
            }
        });
    }

    /** @throws RuntimeException {@code duplicate}'s, when a uniqueness constraint refuses the row */
    public void insert(String sql, Binder binder, Supplier<RuntimeException> duplicate) {
        try (Connection c = dataSource.getConnection()) {
            update(c, sql, binder);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw duplicate.get();
            }
            throw unavailable("insert", e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw unavailable(operation, e);
        }
    }

    private <T> T transactionless(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw unavailable(operation, e);
        }
    }

    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            ps.setQueryTimeout(timeoutSeconds);
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    private RuntimeException unavailable(String operation, SQLException e) {
        return unavailable.apply(what + " " + operation + " failed (SQLSTATE " + e.getSQLState() + ")", e);
    }

    @Override
    public String toString() {
        return what + "[" + dataSource + "]";
    }
}

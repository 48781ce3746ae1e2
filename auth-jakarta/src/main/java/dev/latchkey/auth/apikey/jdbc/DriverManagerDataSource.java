package dev.latchkey.auth.apikey.jdbc;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A minimal, non-pooling {@link DataSource} over {@link DriverManager}, for {@code latchkey.api-key.jdbc.url}: one new
 * connection per store operation, fine for development, tests and the CLI. <strong>In production use a pooled
 * container data source</strong> through {@code latchkey.api-key.jdbc.datasource} (a JNDI name), with its own
 * connect and socket timeouts; the cache in front of the store keeps queries rare either way.
 *
 * <p>A database that accepts connections but never answers must become a 503, not a blocked request thread: every
 * connection is opened with the {@link #getLoginTimeout() login timeout} (the store's query timeout) passed as driver
 * properties, never through the JVM-wide {@link DriverManager#setLoginTimeout}. All drivers get {@code loginTimeout}
 * (seconds); PostgreSQL, whose default is to wait forever, also gets {@code connectTimeout} and a
 * {@code socketTimeout} of twice the timeout (so a statement's own timeout fires first). Parameters in the URL win
 * over these properties. {@link #toString()} never shows the password.
 */
public final class DriverManagerDataSource implements DataSource {

    private final String url;
    private final String user;
    private final String password;
    private volatile int loginTimeout;

    /** @param timeoutSeconds the login (and, for PostgreSQL, connect and read) timeout; 0 leaves the driver's */
    public DriverManagerDataSource(String url, String user, String password, int timeoutSeconds) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.loginTimeout = timeoutSeconds;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url, connectionProperties(user, password));
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return DriverManager.getConnection(url, connectionProperties(username, pass));
    }

    /** The properties every connection is opened with (package-private for tests). */
    Properties connectionProperties(String username, String pass) {
        Properties p = new Properties();
        if (username != null) {
            p.setProperty("user", username);
        }
        if (pass != null) {
            p.setProperty("password", pass);
        }
        int seconds = loginTimeout;
        if (seconds > 0) {
            p.setProperty("loginTimeout", Integer.toString(seconds));
            if (url.startsWith("jdbc:postgresql:")) {
                p.setProperty("connectTimeout", Integer.toString(seconds));
                p.setProperty("socketTimeout", Integer.toString(2 * seconds));
            }
        }
        return p;
    }

    @Override
    public PrintWriter getLogWriter() {
        return DriverManager.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        DriverManager.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "DriverManagerDataSource[" + url.replaceAll("[?;].*", "") + ", user=" + user + "]";
    }
}

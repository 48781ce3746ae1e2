package dev.latchkey.auth.apikey.jdbc;

import javax.sql.DataSource;

/** Against an in-memory H2 database. */
class H2JdbcApiKeyStoreTest extends JdbcApiKeyStoreContract {

    @Override
    protected DataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:mem:latchkey;DB_CLOSE_DELAY=-1", "sa", "", 5);
    }
}

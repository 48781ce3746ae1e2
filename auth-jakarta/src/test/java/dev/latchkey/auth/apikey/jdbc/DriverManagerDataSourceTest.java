package dev.latchkey.auth.apikey.jdbc;

import dev.latchkey.auth.apikey.fixtures.ApiKeyFixtures;
import dev.latchkey.auth.apikey.store.ApiKeyStoreUnavailable;
import dev.latchkey.auth.error.AuthenticationFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DriverManagerDataSourceTest {

    @Test
    void whenConnectingToPostgresThenCredentialsAndTimeoutsAreDriverProperties() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:postgresql://db/keys", "app", "pw", 5);
        Properties p = ds.connectionProperties("app", "pw");
        assertEquals("app", p.getProperty("user"));
        assertEquals("pw", p.getProperty("password"));
        assertEquals("5", p.getProperty("loginTimeout"));
        assertEquals("5", p.getProperty("connectTimeout"));
        assertEquals("10", p.getProperty("socketTimeout"));
        assertFalse(ds.toString().contains("pw"));
    }

    @Test
    void whenAnotherDatabaseThenOnlyTheGenericLoginTimeout() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:x", null, null, 3);
        ds.setLoginTimeout(7);
        Properties p = ds.connectionProperties(null, null);
        assertEquals("7", p.getProperty("loginTimeout"));
        assertNull(p.getProperty("connectTimeout"));
        assertNull(p.getProperty("user"));
    }

    /** The guard timeout only turns a hang (the bug) into a failure; it asserts no speed. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void whenTheDatabaseAcceptsButNeverAnswersThenTheStoreIsUnavailableNotHung() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/keys";
            JdbcApiKeyStore store = new JdbcApiKeyStore(new DriverManagerDataSource(url, "app", "secret-pw", 1), 1);

            ApiKeyStoreUnavailable e = assertThrows(ApiKeyStoreUnavailable.class, () -> store.findByHash("00"));
            assertFalse(e.getMessage().contains("secret-pw"));
            ApiKeyFixtures fx = ApiKeyFixtures.live(store);
            AuthenticationFailure f = assertThrows(AuthenticationFailure.class,
                    () -> fx.validator.validate(fx.unissuedKey("live")));
            assertEquals(503, f.error().status());
        }
    }
}

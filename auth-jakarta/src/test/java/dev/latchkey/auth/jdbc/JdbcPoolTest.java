package dev.latchkey.auth.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.latchkey.auth.apikey.fixtures.ApiKeyFixtures;
import dev.latchkey.auth.apikey.jdbc.JdbcApiKeyStore;
import dev.latchkey.auth.apikey.store.ApiKeyStoreUnavailable;
import dev.latchkey.auth.error.AuthenticationFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JdbcPoolTest {

    @Test
    void whenConnectingToPostgresThenTimeoutsAreDriverPropertiesAndTheWaitForAConnectionIsBounded() {
        HikariConfig c = JdbcPool.config("jdbc:postgresql://db/keys", "app", "pw", Duration.ofSeconds(5), 10);
        Properties p = c.getDataSourceProperties();
        assertEquals("app", c.getUsername());
        assertEquals("5", p.getProperty("loginTimeout"));
        assertEquals("5", p.getProperty("connectTimeout"));
        assertEquals("10", p.getProperty("socketTimeout"));
        assertEquals(5000, c.getConnectionTimeout());
        assertEquals(10, c.getMaximumPoolSize());
        assertFalse(p.containsValue("pw"));
    }

    @Test
    void whenAnotherDatabaseThenOnlyTheGenericLoginTimeout() {
        HikariConfig c = JdbcPool.config("jdbc:h2:mem:x", null, null, Duration.ofSeconds(7), 3);
        Properties p = c.getDataSourceProperties();
        assertEquals("7", p.getProperty("loginTimeout"));
        assertNull(p.getProperty("connectTimeout"));
        assertNull(c.getUsername());
    }

    /** The guard timeout only turns a hang (the bug) into a failure; it asserts no speed. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void whenTheDatabaseAcceptsButNeverAnswersThenTheStoreIsUnavailableNotHung() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             HikariDataSource pool = JdbcPool.open("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/keys",
                     "app", "secret-pw", Duration.ofSeconds(1), 2)) {
            JdbcApiKeyStore store = new JdbcApiKeyStore(pool, 1);

            ApiKeyStoreUnavailable e = assertThrows(ApiKeyStoreUnavailable.class, () -> store.findByHash("00"));
            assertFalse(e.getMessage().contains("secret-pw"));
            ApiKeyFixtures fx = ApiKeyFixtures.live(store);
            AuthenticationFailure f = assertThrows(AuthenticationFailure.class,
                    () -> fx.validator.validate(fx.unissuedKey("live")));
            assertEquals(503, f.error().status());
        }
    }
}

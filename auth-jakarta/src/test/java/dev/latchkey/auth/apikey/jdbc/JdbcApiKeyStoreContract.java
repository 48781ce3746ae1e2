package dev.latchkey.auth.apikey.jdbc;

import dev.latchkey.auth.jdbc.JdbcPool;
import com.zaxxer.hikari.HikariDataSource;
import dev.latchkey.auth.apikey.store.ApiKeyRecord;
import dev.latchkey.auth.apikey.CreatedApiKey;
import dev.latchkey.auth.limit.RateLimit;
import dev.latchkey.auth.apikey.fixtures.ApiKeyFixtures;
import dev.latchkey.auth.apikey.fixtures.RevocationRace;
import dev.latchkey.auth.apikey.store.ApiKeyStoreUnavailable;
import dev.latchkey.auth.error.AuthenticationFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same behaviour against every supported database. */
abstract class JdbcApiKeyStoreContract {

    protected abstract DataSource dataSource();

    JdbcApiKeyStore store;
    ApiKeyFixtures fx;

    @BeforeEach
    void setUp() throws Exception {
        store = new JdbcApiKeyStore(dataSource(), 5);
        store.createSchema();
        store.createSchema(); // idempotent
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM latchkey_api_keys");
        }
        fx = ApiKeyFixtures.live(store);
    }

    @Test
    void whenKeysAreCreatedThenTheTableHoldsNoPlaintext() throws Exception {
        CreatedApiKey a = fx.service.create("billing", Set.of("orders:read", "orders:write"), null);
        CreatedApiKey b = fx.service.create("ci", Set.of(), fx.clock.instant().plus(Duration.ofDays(3)));

        StringBuilder everything = new StringBuilder();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM latchkey_api_keys")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    everything.append(rs.getString(i)).append('|');
                }
            }
        }
        for (CreatedApiKey k : new CreatedApiKey[]{a, b}) {
            assertFalse(everything.toString().contains(k.key()));
            assertFalse(everything.toString().contains(k.key().substring(21, 54)));
            assertTrue(everything.toString().contains(k.record().hash()));
        }
    }

    @Test
    void whenARecordRoundTripsThenEveryFieldSurvives() {
        Instant now = fx.clock.instant();
        ApiKeyRecord record = new ApiKeyRecord("abcdefABCDEF", "ab".repeat(32), "live", "owner", Set.of("a", "b"),
                Set.of("admins"), now, now.plus(Duration.ofDays(1)), null, "oldoldoldold", null, null, null,
                new RateLimit(10, Duration.ofSeconds(1)));
        store.insert(record);
        assertEquals(record, store.findByHash(record.hash()).orElseThrow());
        assertEquals(record, store.findById(record.keyId()).orElseThrow());
        ApiKeyRecord updated = record.withRevoked(now.plusSeconds(5)).withReplacement("newnewnewnew", now.plusSeconds(9));
        store.compute(record.keyId(), r -> updated);
        assertEquals(updated, store.findById(record.keyId()).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> store.insert(record));
    }

    @Test
    void whenValidatedRevokedAndRotatedThenTheDatabaseDecides() {
        CreatedApiKey key = fx.service.create("svc", Set.of("read"), null);
        assertTrue(fx.validator.validate(key.key()).isPresent());
        assertTrue(fx.validator.validate(fx.unissuedKey("live")).isEmpty());
        CreatedApiKey fresh = fx.service.rotate(key.keyId(), Duration.ofMinutes(10));
        fx.clock.advance(Duration.ofMinutes(10));
        assertThrows(AuthenticationFailure.class, () -> fx.validator.validate(key.key()));
        assertTrue(fx.validator.validate(fresh.key()).isPresent());
        fx.service.revoke(fresh.keyId());
        assertEquals("API key revoked", assertThrows(AuthenticationFailure.class,
                () -> fx.validator.validate(fresh.key())).error().description());
        assertEquals(2, fx.service.list().size());
    }

    /**
     * The database keeps microseconds and rounds the rest: a revocation made in the last half of a microsecond must
     * not be stored after the instant it was made, or the key is still accepted at that instant (a frozen clock, or
     * another instance reading the row within the microsecond).
     */
    @Test
    void whenRevokedAtAnInstantFinerThanTheDatabaseKeepsThenTheKeyIsRefusedAtThatInstant() {
        CreatedApiKey key = fx.service.create("svc", Set.of("read"), null);
        fx.clock.set(fx.clock.instant().truncatedTo(ChronoUnit.SECONDS).plusNanos(999_999_999));
        fx.service.revoke(key.keyId());
        assertEquals("API key revoked", assertThrows(AuthenticationFailure.class,
                () -> fx.validator.validate(key.key())).error().description());
    }

    @Test
    void whenRevokeRacesLastUseAndRotationThenTheKeyStaysRevoked() throws Exception {
        RevocationRace.hammer(fx, 60);
    }

    @Test
    void whenLastUseIsFlushedThenItIsStoredAndNeverMovesBack() {
        CreatedApiKey key = fx.service.create("svc", Set.of(), null);
        Instant later = Instant.parse("2026-03-01T10:00:00Z");
        store.recordLastUsed(Map.of(key.keyId(), later));
        store.recordLastUsed(Map.of(key.keyId(), later.minusSeconds(60)));
        assertEquals(later, store.findById(key.keyId()).orElseThrow().lastUsed().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void whenTheDatabaseIsUnreachableThenStoreIsUnavailable() {
        try (HikariDataSource pool = JdbcPool.open("jdbc:postgresql://127.0.0.1:1/none", "x", "secret-pw",
                Duration.ofSeconds(1), 2)) {
            JdbcApiKeyStore broken = new JdbcApiKeyStore(pool, 1);
            ApiKeyStoreUnavailable e = assertThrows(ApiKeyStoreUnavailable.class, () -> broken.findByHash("00"));
            assertFalse(e.getMessage().contains("secret-pw"));
            AuthenticationFailure f = assertThrows(AuthenticationFailure.class, () -> ApiKeyFixtures.live(broken)
                    .validator.validate(fx.unissuedKey("live")));
            assertEquals(503, f.error().status());
        }
    }
}

package dev.latchkey.auth.apikey.store;

import dev.latchkey.auth.state.LocalInvalidationBus;
import dev.latchkey.auth.apikey.fixtures.ApiKeyFixtures;
import dev.latchkey.auth.apikey.fixtures.RevocationRace;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

/** Revoke vs last-use flush vs rotate on the in-memory and file stores, bare and behind the cache (issue 12). */
class RevocationRaceTest {

    @TempDir
    Path dir;

    @Test
    void whenRevokeRacesLastUseAndRotationInMemoryThenTheKeyStaysRevoked() throws Exception {
        RevocationRace.hammer(ApiKeyFixtures.live(new InMemoryApiKeyStore()), 500);
    }

    @Test
    void whenRevokeRacesLastUseAndRotationInTheFileStoreThenTheKeyStaysRevoked() throws Exception {
        RevocationRace.hammer(ApiKeyFixtures.live(new FileApiKeyStore(dir.resolve("api-keys.json"))), 25);
    }

    @Test
    void whenRevokeRacesLastUseAndRotationBehindTheCacheThenTheKeyStaysRevoked() throws Exception {
        MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
        CachingApiKeyStore cached = new CachingApiKeyStore(new InMemoryApiKeyStore(), Duration.ofSeconds(30),
                Duration.ofSeconds(5), 1000, clock, new LocalInvalidationBus());
        RevocationRace.hammer(new ApiKeyFixtures(cached, clock, "live", null), 500);
    }
}

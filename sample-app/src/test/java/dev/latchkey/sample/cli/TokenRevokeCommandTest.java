package dev.latchkey.sample.cli;

import dev.latchkey.auth.jwt.revocation.SharedJtiDenylist;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.jwt.revocation.JtiDenylist;
import dev.latchkey.auth.state.StateSettings;
import dev.latchkey.auth.state.StateStore;
import dev.latchkey.auth.state.select.StateStores;
import dev.latchkey.sample.fixtures.CapturedIo;
import dev.latchkey.sample.fixtures.Redis;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code token revoke} on a real redis-server (started by the test): what the servers on that store then refuse. */
class TokenRevokeCommandTest {

    private static ConfigReader config(Map<String, String> properties) {
        return new ConfigReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build());
    }

    @Test
    void whenRevokedThroughTheCliThenEveryInstanceOnTheStoreSeesItRevoked() throws Exception {
        try (Redis redis = new Redis()) {
            ConfigReader config = config(Map.of("latchkey.state.store", "redis",
                    "latchkey.state.redis.url", redis.url(),
                    "mp.jwt.verify.issuer", "https://issuer.example"));
            String exp = Long.toString(Instant.now().plusSeconds(600).getEpochSecond());
            CapturedIo io = new CapturedIo();
            TokenRevokeCommand.prepare(List.of("token-1", "--until", exp), () -> config, Clock.systemUTC(), io.io())
                    .run();
            assertTrue(io.out().startsWith("revoked: token-1 (issuer https://issuer.example) until "), io.out());
            try (StateStore store = StateStores.open(StateSettings.from(config), Clock.systemUTC())) {
                JtiDenylist instance = SharedJtiDenylist.on(store, Clock.systemUTC());
                assertTrue(instance.isRevoked("https://issuer.example", "token-1"));
                assertFalse(instance.isRevoked("https://issuer.example", "token-2"));
            }
        }
    }

    @Test
    void whenTheStoreIsMemoryThenTheCommandRefusesNamingTheProperty() {
        ConfigReader config = config(Map.of("mp.jwt.verify.issuer", "https://issuer.example"));
        Action action = TokenRevokeCommand.prepare(List.of("token-1", "--until", "2030-01-01T00:00:00Z"),
                () -> config, Clock.systemUTC(), new CapturedIo().io());
        ConfigurationException e = assertThrows(ConfigurationException.class, action::run);
        assertTrue(e.getMessage().contains("latchkey.state.store"), e.getMessage());
    }

    @Test
    void whenUntilIsAnInstantOrEpochSecondsThenThatInstantElseUsageError() {
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), TokenRevokeCommand.until("2030-01-01T00:00:00Z"));
        assertEquals(Instant.ofEpochSecond(1893456000), TokenRevokeCommand.until("1893456000"));
        assertThrows(UsageException.class, () -> TokenRevokeCommand.until("tomorrow"));
        assertThrows(UsageException.class, () -> TokenCommand.prepare(List.of("revoke", "jti"), null, Clock.systemUTC(),
                new CapturedIo().io()), "--until is required");
    }
}

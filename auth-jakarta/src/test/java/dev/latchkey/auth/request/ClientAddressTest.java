package dev.latchkey.auth.request;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.fixtures.FakeRequest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientAddressTest {

    private static final TrustedProxies PROXIES = TrustedProxies.of("10.0.0.0/8", "2001:db8:ffff::/48");

    private static String client(FakeRequest request) {
        return ClientAddress.network(request.build(), PROXIES).key();
    }

    @Test
    void whenPeerIsNotTrustedThenForwardedForIsIgnored() {
        assertEquals("203.0.113.9", client(FakeRequest.create().remoteAddr("203.0.113.9")
                .header("X-Forwarded-For", "198.51.100.1")));
    }

    @Test
    void whenTrustedProxyAppendsThenTheRightMostUntrustedEntryIsTheClient() {
        // The client wrote "1.2.3.4" itself; the proxy appended the address it saw.
        assertEquals("198.51.100.7", client(FakeRequest.create().remoteAddr("10.0.0.2")
                .header("X-Forwarded-For", "1.2.3.4, 198.51.100.7")));
    }

    @Test
    void whenSeveralTrustedHopsThenTheyAreSkippedAcrossHeaderLines() {
        assertEquals("198.51.100.7", client(FakeRequest.create().remoteAddr("10.0.0.2")
                .header("X-Forwarded-For", "6.6.6.6, 198.51.100.7")
                .header("X-Forwarded-For", "10.1.1.1:8443, [2001:db8:ffff::1]")));
    }

    @Test
    void whenForwardedEntryIsGarbageThenTheLastTrustedHopIsTheClient() {
        assertEquals("10.1.1.1", client(FakeRequest.create().remoteAddr("10.0.0.2")
                .header("X-Forwarded-For", "198.51.100.7, unknown\n, 10.1.1.1")));
    }

    @Test
    void whenTrustedProxySendsNoHeaderThenTheProxyIsTheClient() {
        assertEquals("10.0.0.2", client(FakeRequest.create().remoteAddr("10.0.0.2")));
    }

    @Test
    void whenIpv6ThenTheNetworkIsTheSlash64() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", client(FakeRequest.create().remoteAddr("2001:db8:1:2:aaaa::1")));
        assertEquals(client(FakeRequest.create().remoteAddr("2001:db8:1:2:ffff:1:2:3")),
                client(FakeRequest.create().remoteAddr("[2001:db8:1:2::9]")));
    }

    @Test
    void whenPeerIsNotAnAddressThenItsEscapedTextIsTheKey() {
        String key = client(FakeRequest.create().remoteAddr("unix\nsocket"));
        assertTrue(key.startsWith("peer:") && !key.contains("\n"), key);
    }

    @Test
    void whenFormerPropertyIsSetThenDeploymentFailsNamingTheNewOne() {
        ConfigReader config = new ConfigReader(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of("latchkey.client-cert.trusted-proxies", "10.0.0.0/8"), "test", 500)).build());
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TrustedProxies.from(config));
        assertTrue(e.getMessage().contains("latchkey.trusted-proxies"), e.getMessage());
    }

    @Test
    void whenTrustedProxyIsNotACidrThenDeploymentFailsNamingTheProperty() {
        ConfigReader config = new ConfigReader(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of("latchkey.trusted-proxies", "proxy.internal"), "test", 500)).build());
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TrustedProxies.from(config));
        assertTrue(e.getMessage().contains("'latchkey.trusted-proxies'"), e.getMessage());
    }
}

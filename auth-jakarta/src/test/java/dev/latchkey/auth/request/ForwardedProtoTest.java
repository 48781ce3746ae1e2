package dev.latchkey.auth.request;

import dev.latchkey.auth.fixtures.FakeRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForwardedProtoTest {

    private static final TrustedProxies PROXIES = TrustedProxies.of("10.0.0.0/8");

    @Test
    void whenTrustedProxySaysHttpsThenSecureEvenOverPlainHttp() {
        assertTrue(ForwardedProto.isSecure(FakeRequest.create().secure(false).remoteAddr("10.0.0.1")
                .header("X-Forwarded-Proto", "HTTPS").build(), PROXIES));
        assertTrue(ForwardedProto.isSecure(FakeRequest.create().secure(false).remoteAddr("10.0.0.1")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Proto", "https, https").build(), PROXIES));
    }

    @Test
    void whenUntrustedPeerSaysHttpsThenOnlyTheConnectionCounts() {
        assertFalse(ForwardedProto.isSecure(FakeRequest.create().secure(false).remoteAddr("192.0.2.1")
                .header("X-Forwarded-Proto", "https").build(), PROXIES));
        assertTrue(ForwardedProto.isSecure(FakeRequest.create().secure(true).remoteAddr("192.0.2.1")
                .header("X-Forwarded-Proto", "http").build(), PROXIES));
    }

    @Test
    void whenTrustedProxyReportsAnyClearTextLegThenNotSecureEvenOverTls() {
        for (String proto : new String[]{"http", "http, https", "https,http", "", "https,"}) {
            assertFalse(ForwardedProto.isSecure(FakeRequest.create().secure(true).remoteAddr("10.0.0.1")
                    .header("X-Forwarded-Proto", proto).build(), PROXIES), proto);
        }
        assertTrue(ForwardedProto.isSecure(FakeRequest.create().secure(true).remoteAddr("10.0.0.1").build(), PROXIES),
                "without the header the proxy's own TLS connection counts");
    }
}

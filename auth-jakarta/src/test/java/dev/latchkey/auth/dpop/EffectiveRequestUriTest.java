package dev.latchkey.auth.dpop;

import dev.latchkey.auth.fixtures.FakeRequest;
import dev.latchkey.auth.request.TrustedProxies;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The URI a DPoP proof's htu is compared with (RFC 9449 §4.3 check 9), directly and behind a trusted proxy. */
class EffectiveRequestUriTest {

    private static final TrustedProxies PROXY = TrustedProxies.of("10.0.0.0/8");

    private static Optional<String> uri(FakeRequest request) {
        return EffectiveRequestUri.of(request.build(), PROXY);
    }

    @Test
    void whenDirectThenSchemeFromConnectionAuthorityFromHostPathAsSent() {
        assertEquals(Optional.of("https://api.example.com/api/things"),
                uri(FakeRequest.create().header("Host", "api.example.com")));
        assertEquals(Optional.of("http://api.example.com:8080/a/%2F"),
                uri(FakeRequest.create().secure(false).header("Host", "API.example.com:8080").path("/a/%2f")));
        assertEquals(Optional.of("https://[::1]:8443/api/things"),
                uri(FakeRequest.create().header("Host", "[::1]:8443")));
        assertEquals(Optional.of("https://localhost/api/things"), uri(FakeRequest.create().server("localhost", 443)));
    }

    @Test
    void whenUntrustedPeerSendsForwardingHeadersThenIgnored() {
        assertEquals(Optional.of("http://internal:8080/api/things"), uri(FakeRequest.create().secure(false)
                .remoteAddr("192.0.2.1").header("Host", "internal:8080")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.example.com")
                .header("X-Forwarded-Port", "443")));
    }

    @Test
    void whenTrustedProxyThenForwardedSchemeHostAndPort() {
        FakeRequest behindProxy = FakeRequest.create().secure(false).remoteAddr("10.1.2.3")
                .header("Host", "internal:8080").header("X-Forwarded-Proto", "https");
        assertEquals(Optional.of("https://internal:8080/api/things"), uri(behindProxy));
        behindProxy.header("X-Forwarded-Host", "api.example.com");
        assertEquals(Optional.of("https://api.example.com/api/things"), uri(behindProxy));
        behindProxy.header("X-Forwarded-Port", "8443");
        assertEquals(Optional.of("https://api.example.com:8443/api/things"), uri(behindProxy));
    }

    @Test
    void whenForwardedEntriesDisagreeOrAreMalformedThenNoUri() {
        assertEquals(Optional.empty(), uri(FakeRequest.create().remoteAddr("10.1.2.3")
                .header("X-Forwarded-Host", "api.example.com, evil.example.com")));
        assertEquals(Optional.empty(), uri(FakeRequest.create().remoteAddr("10.1.2.3")
                .header("X-Forwarded-Host", "a.example").header("X-Forwarded-Port", "x")));
        assertEquals(Optional.empty(), uri(FakeRequest.create().header("Host", "user@api.example.com")));
        assertEquals(Optional.of("https://api.example.com/api/things"), uri(FakeRequest.create()
                .remoteAddr("10.1.2.3").header("X-Forwarded-Host", "api.example.com, API.example.com")));
    }

    @Test
    void whenHtuNormalizedThenRfc3986SyntaxAndSchemeRules() {
        assertEquals(Optional.of("https://a.example/b/c"), HttpUri.normalize("HTTPS://A.Example:443/b/./x/../c?q#f"));
        assertEquals(Optional.of("http://a.example/"), HttpUri.normalize("http://a.example"));
        assertEquals(Optional.of("http://a.example/~%2Fx"), HttpUri.normalize("http://a.example/%7e%2fx"));
        assertEquals(Optional.empty(), HttpUri.normalize("ftp://a.example/"));
        assertEquals(Optional.empty(), HttpUri.normalize("https://u:p@a.example/"));
        assertEquals(Optional.empty(), HttpUri.normalize("/relative"));
        assertEquals(Optional.empty(), HttpUri.normalize("https://a.example/%zz"));
    }
}

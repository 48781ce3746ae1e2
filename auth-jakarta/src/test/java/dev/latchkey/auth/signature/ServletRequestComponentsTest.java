package dev.latchkey.auth.signature;

import dev.latchkey.auth.request.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServletRequestComponentsTest {

    private static HttpServletRequest request(String remote, boolean secure, String uri, String query,
                                              Map<String, List<String>> headers, long contentLength) {
        return request(remote, secure, uri, query, headers, contentLength,
                Optional.ofNullable(headers.get("host")).map(h -> h.get(0).replaceAll(":\\d+$", ""))
                        .orElse("internal.example"));
    }

    private static HttpServletRequest request(String remote, boolean secure, String uri, String query,
                                              Map<String, List<String>> headers, long contentLength,
                                              String serverName) {
        return (HttpServletRequest) Proxy.newProxyInstance(ServletRequestComponentsTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "POST";
                    case "getRemoteAddr" -> remote;
                    case "isSecure" -> secure;
                    case "getRequestURI" -> uri;
                    case "getQueryString" -> query;
                    case "getServerName" -> serverName;
                    case "getServerPort" -> 8080;
                    case "getContentLengthLong" -> contentLength;
                    case "getHeader" -> Optional.ofNullable(headers.get(((String) args[0]).toLowerCase()))
                            .map(l -> l.get(0)).orElse(null);
                    case "getHeaders" -> Collections.enumeration(
                            headers.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void whenBehindTrustedTlsProxyThenHttpsAndHostHeaderAsSent() {
        RequestComponents c = new ServletRequestComponents(request("10.0.0.5", false, "/api/a%2Fb", "x=1",
                Map.of("host", List.of("API.Example.com:443"), "x-forwarded-proto", List.of("https")), 0),
                TrustedProxies.of("10.0.0.0/8"));
        assertEquals("https", c.scheme());
        assertEquals("api.example.com", c.authority());
        assertEquals("/api/a%2Fb", c.path(), "the path is not decoded");
        assertEquals(Optional.of("x=1"), c.query());
        assertFalse(c.hasContent());
    }

    @Test
    void whenForwardedProtoFromUntrustedPeerThenIgnored() {
        RequestComponents c = new ServletRequestComponents(request("203.0.113.9", false, "", null,
                Map.of("x-forwarded-proto", List.of("https"), "transfer-encoding", List.of("chunked")), -1),
                TrustedProxies.of("10.0.0.0/8"));
        assertEquals("http", c.scheme());
        assertEquals("internal.example:8080", c.authority(), "no Host header: server name and port");
        assertEquals("/", c.path());
        assertTrue(c.query().isEmpty());
        assertTrue(c.hasContent());
    }

    @Test
    void whenAbsoluteFormTargetDisagreesWithHostThenTheRoutedAuthorityIsSigned() {
        RequestComponents c = new ServletRequestComponents(request("203.0.113.9", false, "/admin", null,
                Map.of("host", List.of("public.example")), 0, "internal.example"), TrustedProxies.NONE);
        assertEquals("internal.example:8080", c.authority(), "routed by the target, so Host is not what is checked");
    }
}

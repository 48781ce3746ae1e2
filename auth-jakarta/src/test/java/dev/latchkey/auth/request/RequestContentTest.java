package dev.latchkey.auth.request;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestContentTest {

    private static HttpServletRequest request(String protocol, long contentLength, String transferEncoding) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestContentTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProtocol" -> protocol;
                    case "getContentLengthLong" -> contentLength;
                    case "getHeader" -> "Transfer-Encoding".equals(args[0]) ? transferEncoding : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void whenHttp2WithoutLengthThenContentAssumed() {
        assertTrue(RequestContent.present(request("HTTP/2.0", -1, null)));
        assertTrue(RequestContent.present(request("HTTP/3", -1, null)));
        assertFalse(RequestContent.present(request("HTTP/2.0", 0, null)));
    }

    @Test
    void whenHttp11ThenLengthOrTransferCodingDecides() {
        assertFalse(RequestContent.present(request("HTTP/1.1", -1, null)));
        assertFalse(RequestContent.present(request("HTTP/1.1", 0, null)));
        assertTrue(RequestContent.present(request("HTTP/1.1", 5, null)));
        assertTrue(RequestContent.present(request("HTTP/1.1", -1, "chunked")));
    }
}

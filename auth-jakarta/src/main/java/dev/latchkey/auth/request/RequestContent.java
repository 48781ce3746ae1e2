package dev.latchkey.auth.request;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request carries content. In HTTP/1.x (RFC 9112 §6.3) a request has content only with a non-zero
 * {@code Content-Length} or a transfer coding. HTTP/2 and HTTP/3 (RFC 9113 §8.1.1, RFC 9114 §4.1) frame content
 * without either field, so a request of unknown length there is taken to have content.
 */
public final class RequestContent {

    private RequestContent() {
    }

    public static boolean present(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length > 0 || request.getHeader("Transfer-Encoding") != null) {
            return true;
        }
        if (length == 0) {
            return false;
        }
        String protocol = request.getProtocol();
        return protocol == null || !protocol.regionMatches(true, 0, "HTTP/1.", 0, 7);
    }
}

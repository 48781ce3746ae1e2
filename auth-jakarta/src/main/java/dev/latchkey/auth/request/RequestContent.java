package dev.latchkey.auth.request;

import jakarta.servlet.http.HttpServletRequest;

/** Whether a request carries content (RFC 9112 §6.3): a non-zero {@code Content-Length}, or a transfer coding. */
public final class RequestContent {

    private RequestContent() {
    }

    public static boolean present(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }
}

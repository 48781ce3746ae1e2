package dev.latchkey.auth.signature.digest;

import jakarta.servlet.http.HttpServletRequest;

/** Requests with a body for tests outside this package. */
public final class BodyRequests {

    private BodyRequests() {
    }

    public static HttpServletRequest of(byte[] body) {
        return BodyRequest.of(body).build();
    }
}

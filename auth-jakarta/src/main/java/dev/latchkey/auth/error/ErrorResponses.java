package dev.latchkey.auth.error;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes an {@link AuthError} to a servlet response: status, challenges, extra headers and the problem body. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    /**
     * @param challenges the {@code WWW-Authenticate} values to send; for a 401 without credential, one per enabled
     *                   scheme; otherwise the single challenge describing the error (or none)
     */
    public static void write(HttpServletResponse response, AuthError error, List<String> challenges)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(error.status());
        for (String challenge : challenges) {
            response.addHeader("WWW-Authenticate", challenge);
        }
        error.headers().forEach(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        byte[] body = ProblemDetails.render(error).getBytes(StandardCharsets.UTF_8);
        response.setContentType(ProblemDetails.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}

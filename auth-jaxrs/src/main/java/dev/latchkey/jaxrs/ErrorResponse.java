package dev.latchkey.jaxrs;

import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.ProblemDetails;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Turns an {@link AuthError} into a JAX-RS response: status, challenges, headers, problem body. */
final class ErrorResponse {

    private ErrorResponse() {
    }

    static Response of(AuthError error, List<String> challenges) {
        Response.ResponseBuilder builder = Response.status(error.status())
                .type(ProblemDetails.MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(ProblemDetails.render(error));
        challenges.forEach(c -> builder.header("WWW-Authenticate", c));
        error.headers().forEach(builder::header);
        return builder.build();
    }
}

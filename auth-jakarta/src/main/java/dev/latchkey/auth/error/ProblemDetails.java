package dev.latchkey.auth.error;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * Renders the {@code application/problem+json} body (RFC 9457 §3) for an {@link AuthError}: {@code type},
 * {@code title}, {@code status}, {@code detail}, plus the extension members {@code error} and
 * {@code required_scopes}. The same shape for every mechanism.
 */
public final class ProblemDetails {

    /** RFC 9457 §3 media type. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_PREFIX = "urn:latchkey:problem:";
    private static final JsonProvider JSON = JsonProvider.provider();

    private ProblemDetails() {
    }

    public static String render(AuthError error) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", TYPE_PREFIX + error.error())
                .add("title", title(error.status()))
                .add("status", error.status());
        if (error.description() != null) {
            body.add("detail", error.description());
        }
        body.add("error", error.error());
        if (!error.requiredScope().isEmpty()) {
            var scopes = JSON.createArrayBuilder();
            error.requiredScope().stream().sorted().forEach(scopes::add);
            body.add("required_scopes", scopes);
        }
        return body.build().toString();
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }
}

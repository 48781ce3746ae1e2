package dev.latchkey.auth.request;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The query string's parameters, decoded (RFC 3986 §3.4, {@code application/x-www-form-urlencoded} pairs). Reads
 * {@link HttpServletRequest#getQueryString()} only, never {@code getParameter}, which could consume a form body.
 * Used to refuse credentials sent in the URL (RFC 6750 §2.3, RFC 9110 §17.9).
 */
public final class QueryParameters {

    /** One decoded pair; {@code value} is empty for a bare name. An undecodable part is kept as sent. */
    public record Parameter(String name, String value) {
    }

    private QueryParameters() {
    }

    public static List<Parameter> of(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return List.of();
        }
        List<Parameter> out = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.add(new Parameter(decode(eq < 0 ? pair : pair.substring(0, eq)),
                    eq < 0 ? "" : decode(pair.substring(eq + 1)).trim()));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}

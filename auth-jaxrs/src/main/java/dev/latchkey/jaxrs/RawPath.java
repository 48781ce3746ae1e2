package dev.latchkey.jaxrs;

import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The request path as JAX-RS implementations match it against {@code @Path} templates: relative to the application,
 * still percent-encoded ({@link UriInfo#getPath(boolean) getPath(false)}), with every matrix parameter removed (from
 * each {@code ;} up to the next {@code /}). Matching the decoded path instead would let {@code %73ummary} pick a
 * different method than the one JAX-RS invokes. {@link #forms} adds the decoded form, for an implementation that
 * matches decoded paths: decisions taken on both forms fail closed whichever one the implementation used.
 */
final class RawPath {

    private RawPath() {
    }

    static String of(UriInfo uriInfo) {
        String path = uriInfo.getPath(false);
        return strip(path.startsWith("/") ? path : "/" + path);
    }

    /** The encoded form, then the decoded one (each segment decoded, matrix parameters removed) when it differs. */
    static List<String> forms(UriInfo uriInfo) {
        String raw = of(uriInfo);
        String decoded;
        try {
            decoded = uriInfo.getPathSegments(true).stream().map(PathSegment::getPath)
                    .collect(Collectors.joining("/", "/", ""));
        } catch (IllegalArgumentException e) {
            return List.of(raw); // an encoding that does not decode: no implementation matched it decoded
        }
        return raw.equals(decoded) ? List.of(raw) : List.of(raw, decoded);
    }

    /** Removes matrix parameters: every {@code ;...} up to the next {@code /}. */
    static String strip(String path) {
        int semicolon = path.indexOf(';');
        if (semicolon < 0) {
            return path;
        }
        StringBuilder stripped = new StringBuilder(path.length());
        int from = 0;
        while (semicolon >= 0) {
            stripped.append(path, from, semicolon);
            from = path.indexOf('/', semicolon);
            if (from < 0) {
                return stripped.toString();
            }
            semicolon = path.indexOf(';', from);
        }
        return stripped.append(path, from, path.length()).toString();
    }
}

package dev.latchkey.jetty;

import dev.latchkey.auth.config.ConfigurationException;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Servlet-style URL patterns (Servlet 6.0 §12.2): {@code /prefix/*} and exact paths; any other form fails
 * deployment. Matched on the decoded, normalised path the container maps servlets with
 * ({@code getServletPath() + getPathInfo()}), never on the raw request URI, so {@code /%61dmin} or
 * {@code /admin;p=1} cannot slip past {@code /admin/*}.
 */
record PathPatterns(List<String> prefixes, List<String> exact) {

    /**
     * @param property the setting the patterns come from, named when one is refused
     * @throws ConfigurationException for a pattern that is neither {@code /exact} nor {@code /prefix/*} (an
     *                                extension pattern {@code *.jsp}, a {@code *} elsewhere, no leading {@code /}, or
     *                                the servlet default {@code /}): it would silently protect less than written
     */
    static PathPatterns parse(String property, String value) {
        List<String> all = value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String pattern : all) {
            if (!valid(pattern)) {
                throw new ConfigurationException(property, "'" + pattern + "' is not a supported pattern: use an exact "
                        + "path (/admin/report) or a prefix (/admin/*, or /* for every path), comma-separated");
            }
        }
        return new PathPatterns(
                all.stream().filter(p -> p.endsWith("/*")).map(p -> p.substring(0, p.length() - 2)).toList(),
                all.stream().filter(p -> !p.endsWith("/*")).toList());
    }

    private static boolean valid(String pattern) {
        String path = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 1) : pattern;
        return path.startsWith("/") && path.indexOf('*') < 0 && (pattern.endsWith("/*") || path.length() > 1);
    }

    boolean matches(HttpServletRequest request) {
        if (prefixes.isEmpty() && exact.isEmpty()) {
            return false;
        }
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        if (exact.contains(path)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}

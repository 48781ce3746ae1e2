package dev.latchkey.jetty;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Servlet-style URL patterns (Servlet 6.0 §12.2): {@code /prefix/*} and exact paths. Matched on the decoded,
 * normalised path the container maps servlets with ({@code getServletPath() + getPathInfo()}), never on the raw
 * request URI, so {@code /%61dmin} or {@code /admin;p=1} cannot slip past {@code /admin/*}.
 */
record PathPatterns(List<String> prefixes, List<String> exact) {

    static PathPatterns parse(String value) {
        List<String> all = value == null ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new PathPatterns(
                all.stream().filter(p -> p.endsWith("/*")).map(p -> p.substring(0, p.length() - 2)).toList(),
                all.stream().filter(p -> !p.endsWith("/*")).toList());
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

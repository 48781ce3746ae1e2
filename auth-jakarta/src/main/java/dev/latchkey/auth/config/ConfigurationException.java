package dev.latchkey.auth.config;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/** Bad Latchkey configuration. Thrown at start-up so that deployment fails; the message names the property. */
public class ConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String property, String problem) {
        super("Latchkey configuration property '" + property + "': " + problem);
    }

    public ConfigurationException(String property, String problem, Throwable cause) {
        super("Latchkey configuration property '" + property + "': " + problem, cause);
    }

    /**
     * The configuration error behind a container's start-up failure: containers wrap it (Weld's
     * {@code WELD-000049: Unable to invoke ... init()}, a {@code ServletException}, Jetty's {@code MultiException}),
     * and the wrapper's message names no property. Searches causes and suppressed exceptions; the innermost wins.
     */
    public static Optional<ConfigurationException> in(Throwable failure) {
        return find(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Optional<ConfigurationException> find(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return Optional.empty();
        }
        Optional<ConfigurationException> deeper = find(t.getCause(), seen);
        if (deeper.isPresent()) {
            return deeper;
        }
        if (t instanceof ConfigurationException c) {
            return Optional.of(c);
        }
        for (Throwable suppressed : t.getSuppressed()) {
            Optional<ConfigurationException> found = find(suppressed, seen);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}

package dev.latchkey.auth.config;

/** Bad Latchkey configuration. Thrown at start-up so that deployment fails; the message names the property. */
public class ConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String property, String problem) {
        super("Latchkey configuration property '" + property + "': " + problem);
    }

    public ConfigurationException(String property, String problem, Throwable cause) {
        super("Latchkey configuration property '" + property + "': " + problem, cause);
    }
}

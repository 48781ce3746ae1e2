package dev.latchkey.auth.config;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reads of MicroProfile Config properties for the settings records. Every conversion failure becomes a
 * {@link ConfigurationException} naming the property, so that deployment fails with a useful message.
 */
public final class ConfigReader {

    private final Config config;

    public ConfigReader(Config config) {
        this.config = config;
    }

    /** The configuration of the current application (the thread context class loader's). */
    public static ConfigReader current() {
        return new ConfigReader(ConfigProvider.getConfig());
    }

    public Optional<String> string(String name) {
        try {
            return config.getOptionalValue(name, String.class).map(String::trim).filter(s -> !s.isEmpty());
        } catch (RuntimeException e) {
            throw new ConfigurationException(name, "cannot be read: " + e.getMessage(), e);
        }
    }

    public String string(String name, String defaultValue) {
        return string(name).orElse(defaultValue);
    }

    /** Whether any property name starts with {@code prefix} (e.g. {@code latchkey.jwt.issuers.}). */
    public boolean hasAny(String prefix) {
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** A comma-separated list; blank entries dropped. */
    public List<String> list(String name, List<String> defaultValue) {
        return string(name)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(defaultValue);
    }

    public boolean bool(String name, boolean defaultValue) {
        return string(name).map(v -> switch (v.toLowerCase()) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigurationException(name, "expected true or false, got '" + v + "'");
        }).orElse(defaultValue);
    }

    public int integer(String name, int defaultValue) {
        return whole(name, defaultValue, Integer::parseInt);
    }

    public long longValue(String name, long defaultValue) {
        return whole(name, defaultValue, Long::parseLong);
    }

    private <T> T whole(String name, T defaultValue, Function<String, T> parse) {
        return string(name).map(v -> {
            try {
                return parse.apply(v);
            } catch (NumberFormatException e) {
                throw new ConfigurationException(name, "expected an integer, got '" + v + "'");
            }
        }).orElse(defaultValue);
    }

    /** An absolute URL with a host ({@code https://as.example.com/introspect}). */
    public Optional<URI> url(String name) {
        return string(name).map(v -> url(name, v));
    }

    /**
     * {@code value} of property {@code name} as an absolute URL with a host.
     *
     * @throws ConfigurationException naming the property otherwise
     */
    public static URI url(String name, String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(name, "is not a URL"); // the value may hold credentials
        }
        if (uri.getRawUserInfo() != null) { // credentials in a URL end up in logs: never echo the value
            throw new ConfigurationException(name, "must not contain user information (credentials): set them in"
                    + " their own properties");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new ConfigurationException(name, "must be an absolute URL, got '" + value + "'");
        }
        return uri;
    }

    /** An ISO-8601 duration ({@code PT30S}) or a plain number of seconds. */
    public Duration duration(String name, Duration defaultValue) {
        return string(name).map(v -> {
            try {
                return v.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(v)) : Duration.parse(v);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new ConfigurationException(name, "expected an ISO-8601 duration such as PT30S, got '" + v + "'");
            }
        }).orElse(defaultValue);
    }
}

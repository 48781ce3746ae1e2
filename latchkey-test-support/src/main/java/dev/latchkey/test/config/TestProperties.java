package dev.latchkey.test.config;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

import java.util.HashMap;
import java.util.Map;

/**
 * MicroProfile Config properties for the length of a test: set as system properties (an ordinal above
 * {@code microprofile-config.properties}), with the configuration already built released before and after, so that a
 * server started in between reads them and no later test sees them. Close it to restore the previous values.
 * System properties are global: tests using this do not run in parallel.
 */
public final class TestProperties implements AutoCloseable {

    private final Map<String, String> previous = new HashMap<>();

    private TestProperties(Map<String, String> properties) {
        properties.forEach((name, value) -> previous.put(name, System.setProperty(name, value)));
        releaseConfig();
    }

    public static TestProperties set(Map<String, String> properties) {
        return new TestProperties(properties);
    }

    @Override
    public void close() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        releaseConfig();
    }

    /** Drops the configuration built for this class loader, so the next {@code getConfig()} reads the sources anew. */
    public static void releaseConfig() {
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
    }
}

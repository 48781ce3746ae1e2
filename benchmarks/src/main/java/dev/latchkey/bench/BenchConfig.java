package dev.latchkey.bench;

import dev.latchkey.auth.config.ConfigReader;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;

import java.util.Map;

/** MicroProfile Config from a map, so that settings are built by the same {@code from(...)} code as at deployment. */
final class BenchConfig {

    private BenchConfig() {
    }

    static Config of(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "benchmark", 500))
                .build();
    }

    static ConfigReader reader(Map<String, String> properties) {
        return new ConfigReader(of(properties));
    }
}

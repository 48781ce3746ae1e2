package dev.latchkey.auth.signature.keys;

import dev.latchkey.auth.apikey.jdbc.JdbcSettings;
import dev.latchkey.auth.config.ConfigReader;

import java.util.function.Consumer;

/** The configured registry backend ({@code latchkey.signature.store}), for the CDI producer and for tools (a CLI). */
public final class ClientKeyStores {

    private ClientKeyStores() {
    }

    /**
     * {@code file} (default), {@code memory}, or {@code jdbc} in the database of {@code latchkey.api-key.jdbc.*}
     * (its {@code init-schema} also creates the signature key table).
     *
     * @param owned receives a connection pool this opens, to be closed with the application
     */
    public static ClientKeyStore backend(KeyRegistrySettings settings, ConfigReader config,
                                         Consumer<AutoCloseable> owned) {
        return switch (settings.store()) {
            case "jdbc" -> {
                JdbcSettings jdbc = JdbcSettings.from(config);
                JdbcClientKeyStore store = new JdbcClientKeyStore(jdbc.dataSource(owned),
                        (int) jdbc.queryTimeout().toSeconds());
                if (jdbc.initSchema()) {
                    store.createSchema();
                }
                yield store;
            }
            case "memory" -> new InMemoryClientKeyStore();
            default -> new FileClientKeyStore(settings.file());
        };
    }
}

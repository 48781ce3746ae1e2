package dev.latchkey.sample.jwt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Supplies {@code mp.jwt.verify.publickey.location} once the sample server knows its own JWKS URL (the HTTP port is
 * chosen at start-up). Ordinal {@value #ORDINAL}: below {@code META-INF/microprofile-config.properties} (100), system
 * properties and environment variables, so any configured key location wins. Registered through
 * {@code META-INF/services}; empty until {@link #use} is called.
 */
public final class JwksLocationConfigSource implements ConfigSource {

    public static final String LOCATION = "mp.jwt.verify.publickey.location";
    static final int ORDINAL = 90;
    private static final AtomicReference<String> CURRENT = new AtomicReference<>();

    /** Makes {@code location} the value of {@value #LOCATION} (null: none). */
    public static void use(String location) {
        CURRENT.set(location);
    }

    @Override
    public Map<String, String> getProperties() {
        String location = CURRENT.get();
        return location == null ? Map.of() : Map.of(LOCATION, location);
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return LOCATION.equals(propertyName) ? CURRENT.get() : null;
    }

    @Override
    public String getName() {
        return "latchkey-sample-jwks-location";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}

package dev.latchkey.sample;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** A config source of one property whose value the sample sets at run time ({@code null}: the property is absent). */
public abstract class SettableConfigSource implements ConfigSource {

    private final String name;
    private final String property;
    private final int ordinal;
    private final AtomicReference<String> value;

    /** @param value the holder the subclass sets; read on every lookup */
    protected SettableConfigSource(String name, String property, int ordinal, AtomicReference<String> value) {
        this.name = name;
        this.property = property;
        this.ordinal = ordinal;
        this.value = value;
    }

    @Override
    public Map<String, String> getProperties() {
        String v = value.get();
        return v == null ? Map.of() : Map.of(property, v);
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return property.equals(propertyName) ? value.get() : null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }
}

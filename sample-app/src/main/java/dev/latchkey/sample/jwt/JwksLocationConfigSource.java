package dev.latchkey.sample.jwt;

import dev.latchkey.sample.SettableConfigSource;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Supplies {@code mp.jwt.verify.publickey.location} once the sample server knows its own JWKS URL (the HTTP port is
 * chosen at start-up). Ordinal {@value #ORDINAL}: below {@code META-INF/microprofile-config.properties} (100), system
 * properties and environment variables, so any configured key location wins. Registered through
 * {@code META-INF/services}; empty until {@link #use} is called.
 */
public final class JwksLocationConfigSource extends SettableConfigSource {

    public static final String LOCATION = "mp.jwt.verify.publickey.location";
    static final int ORDINAL = 90;
    private static final AtomicReference<String> CURRENT = new AtomicReference<>();

    public JwksLocationConfigSource() {
        super("latchkey-sample-jwks-location", LOCATION, ORDINAL, CURRENT);
    }

    /** Makes {@code location} the value of {@value #LOCATION} (null: none). */
    public static void use(String location) {
        CURRENT.set(location);
    }
}

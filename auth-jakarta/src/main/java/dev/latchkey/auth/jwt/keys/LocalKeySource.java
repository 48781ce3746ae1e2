package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSetUnavailableException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.latchkey.auth.config.ConfigurationException;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keys at a local location ({@code file:}, {@code classpath:} or a path), read at start-up when they are there and
 * otherwise at first use. MicroProfile JWT deployments may serve or unpack their own keys, so a location that is
 * missing at start-up does not fail deployment: it is logged, and every use answers 503 (ours, not the caller's)
 * until the keys appear; once read they are kept. Keys that are present but unusable are a configuration error: at
 * start-up deployment fails naming the property, later the request gets a 503 and the log names the property.
 */
final class LocalKeySource implements JWKSource<SecurityContext> {

    private static final System.Logger LOG = System.getLogger(LocalKeySource.class.getName());

    private final KeyLocation location;
    private final Function<String, JWKSet> parser;
    private volatile ImmutableJWKSet<SecurityContext> loaded;
    private volatile boolean warned;

    private LocalKeySource(KeyLocation location, Function<String, JWKSet> parser) {
        this.location = location;
        this.parser = parser;
    }

    /**
     * @param parser turns key text into the usable keys; throws {@link IllegalArgumentException} with a message that
     *               never contains key material
     * @throws ConfigurationException when the location holds unusable keys at start-up
     */
    static JWKSource<SecurityContext> of(KeyLocation location, Function<String, JWKSet> parser) {
        LocalKeySource source = new LocalKeySource(location, parser);
        Optional<String> text;
        try {
            text = location.readLocal();
        } catch (UncheckedIOException e) {
            text = Optional.empty();
        }
        if (text.isPresent()) {
            try {
                return new ImmutableJWKSet<>(parser.apply(text.get()));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(location.property(), e.getMessage());
            }
        }
        LOG.log(System.Logger.Level.WARNING, "{0}: no keys at ''{1}'' at start-up; they will be read at first use",
                location.property(), location.location());
        return source;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        return load().get(selector, context);
    }

    private ImmutableJWKSet<SecurityContext> load() throws KeySourceException {
        ImmutableJWKSet<SecurityContext> keys = loaded;
        if (keys != null) {
            return keys;
        }
        synchronized (this) {
            if (loaded != null) {
                return loaded;
            }
            String problem;
            try {
                Optional<String> text = location.readLocal();
                if (text.isPresent()) {
                    loaded = new ImmutableJWKSet<>(parser.apply(text.get()));
                    LOG.log(System.Logger.Level.INFO, "{0}: keys read from ''{1}''", location.property(),
                            location.location());
                    return loaded;
                }
                problem = "nothing at '" + location.location() + "'";
            } catch (UncheckedIOException e) {
                problem = "cannot read '" + location.location() + "'";
            } catch (IllegalArgumentException e) {
                problem = "unusable keys at '" + location.location() + "': " + e.getMessage();
            }
            if (!warned) {
                warned = true;
                LOG.log(System.Logger.Level.WARNING, "{0}: {1}", location.property(), problem);
            }
            throw new JWKSetUnavailableException(location.property() + ": " + problem);
        }
    }
}

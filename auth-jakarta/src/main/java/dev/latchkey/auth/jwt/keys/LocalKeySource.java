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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keys at a local location ({@code file:}, {@code classpath:} or a path), read at start-up when they are there and
 * otherwise at first use. MicroProfile JWT deployments may serve or unpack their own keys, so a location that is
 * missing at start-up does not fail deployment: it is logged, and every use answers 503 (ours, not the caller's)
 * until the keys appear; once read they are kept. While the keys are missing or unusable, the location is read again
 * at most once per retry interval ({@code latchkey.jwt.jwks.min-refetch-interval}); requests in between get the 503
 * from memory, without I/O or locking. Keys that are present but unreadable or unusable at start-up are a
 * configuration error: deployment fails naming the property; later the request gets a 503 and the log names the
 * property.
 */
final class LocalKeySource implements JWKSource<SecurityContext> {

    private static final System.Logger LOG = System.getLogger(LocalKeySource.class.getName());

    /** Why the last read failed, and when the location may be read again. */
    private record Failure(String problem, Instant retryAt) {
    }

    private final KeyLocation location;
    private final Function<String, JWKSet> parser;
    private final Clock clock;
    private final Duration retryInterval;
    private volatile ImmutableJWKSet<SecurityContext> loaded;
    private volatile Failure failure;

    private LocalKeySource(KeyLocation location, Function<String, JWKSet> parser, Clock clock,
                           Duration retryInterval) {
        this.location = location;
        this.parser = parser;
        this.clock = clock;
        this.retryInterval = retryInterval;
    }

    /**
     * @param parser        turns key text into the usable keys; throws {@link IllegalArgumentException} with a
     *                      message that never contains key material
     * @param retryInterval least time between two reads of a location that was missing or unusable
     * @throws ConfigurationException when the location holds unreadable or unusable keys at start-up
     */
    static JWKSource<SecurityContext> of(KeyLocation location, Function<String, JWKSet> parser, Clock clock,
                                         Duration retryInterval) {
        Optional<String> text;
        try {
            text = location.readLocal();
        } catch (UncheckedIOException e) {
            throw new ConfigurationException(location.property(), "cannot read '" + location.location() + "' ("
                    + e.getCause().getClass().getSimpleName() + ")");
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
        return new LocalKeySource(location, parser, clock, retryInterval);
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
        Failure last = failure;
        if (last != null && clock.instant().isBefore(last.retryAt())) {
            throw unavailable(last);
        }
        synchronized (this) {
            if (loaded != null) {
                return loaded;
            }
            last = failure;
            if (last != null && clock.instant().isBefore(last.retryAt())) {
                throw unavailable(last); // another thread has just tried
            }
            String problem;
            try {
                Optional<String> text = location.readLocal();
                if (text.isPresent()) {
                    loaded = new ImmutableJWKSet<>(parser.apply(text.get()));
                    failure = null;
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
            if (last == null || !last.problem().equals(problem)) {
                LOG.log(System.Logger.Level.WARNING, "{0}: {1}", location.property(), problem);
            }
            Failure now = new Failure(problem, clock.instant().plus(retryInterval));
            failure = now;
            throw unavailable(now);
        }
    }

    private JWKSetUnavailableException unavailable(Failure f) {
        return new JWKSetUnavailableException(location.property() + ": " + f.problem());
    }
}

package dev.latchkey.auth.jwt;

import dev.latchkey.auth.clock.LatchkeyClock;
import dev.latchkey.auth.jwt.config.JwtSettings;
import dev.latchkey.auth.jwt.mapping.JwtCallerMapper;
import dev.latchkey.auth.jwt.revocation.JtiDenylist;
import dev.latchkey.auth.jwt.validation.JwtVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;

/**
 * The JWT mechanism's plain objects, built once from MicroProfile Config: settings, verifier (with its key sources and
 * cache, on the {@link LatchkeyClock}), caller mapper and token resolver. Built on first use so that an application that does not enable
 * {@code jwt} needs no JWT configuration; {@link JwtAuthenticator} builds it at start-up when {@code jwt} is enabled,
 * so that bad configuration fails deployment.
 */
@ApplicationScoped
public class JwtComponents {

    private static final System.Logger LOG = System.getLogger(JwtComponents.class.getName());

    @Inject
    JtiDenylist denylist;

    @Inject
    @LatchkeyClock
    Clock clock;

    private volatile Built built;

    private record Built(JwtSettings settings, JwtVerifier verifier, JwtCallerMapper mapper,
                         BearerTokenResolver resolver) {
    }

    private Built built() {
        Built b = built;
        if (b == null) {
            synchronized (this) {
                b = built;
                if (b == null) {
                    JwtSettings settings = JwtSettings.from(ConfigProvider.getConfig());
                    warnAboutWeakSettings(settings);
                    b = new Built(settings, new JwtVerifier(settings, denylist, clock),
                            new JwtCallerMapper(settings), new BearerTokenResolver(settings));
                    built = b;
                }
            }
        }
        return b;
    }

    /** One start-up warning per deployment for a weakened setting, naming the property. */
    static void warnAboutWeakSettings(JwtSettings settings) {
        if (settings.minRsaBits() < 2048) {
            LOG.log(System.Logger.Level.WARNING, "latchkey.jwt.min-rsa-bits={0}: RSA keys below 2048 bits are"
                    + " accepted, against RFC 7518 §3.3; use only for legacy issuers", settings.minRsaBits());
        }
        // RFC 8725 §3.9, RFC 9068 §4: without an audience check, a token minted for another API is accepted.
        settings.issuers().stream().filter(i -> i.audiences().isEmpty()).forEach(i -> LOG.log(
                System.Logger.Level.WARNING, "{0}audiences is not set: tokens that issuer {1} minted for any other API"
                        + " (any aud) are accepted here; set it to this API''s audience", i.propertyPrefix(),
                i.issuer()));
    }

    public JwtSettings settings() {
        return built().settings();
    }

    public JwtVerifier verifier() {
        return built().verifier();
    }

    public JwtCallerMapper mapper() {
        return built().mapper();
    }

    public BearerTokenResolver resolver() {
        return built().resolver();
    }
}

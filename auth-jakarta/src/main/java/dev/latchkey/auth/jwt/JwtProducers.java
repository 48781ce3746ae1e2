package dev.latchkey.auth.jwt;

import dev.latchkey.auth.cert.ClientCertificateResolver;
import dev.latchkey.auth.clock.LatchkeyClock;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.dpop.DPoPSettings;
import dev.latchkey.auth.introspection.IntrospectionSettings;
import dev.latchkey.auth.introspection.TokenShape;
import dev.latchkey.auth.jwt.config.JwtSettings;
import dev.latchkey.auth.jwt.mapping.JwtCallerMapper;
import dev.latchkey.auth.jwt.mp.MpJwtExtension;
import dev.latchkey.auth.jwt.revocation.InMemoryJtiDenylist;
import dev.latchkey.auth.jwt.revocation.JtiDenylist;
import dev.latchkey.auth.jwt.validation.JwtVerifier;
import dev.latchkey.auth.mechanism.MechanismSettings;
import dev.latchkey.auth.spi.DefaultMechanisms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;

/**
 * The JWT kind's objects, each built once from one validated {@link JwtSettings} (MicroProfile Config) and passed by
 * constructor. The settings are read when the first product is needed: the {@link JwtKind} when {@code jwt} is
 * enabled (at start-up, so bad configuration fails deployment), or the store on the first {@link JwtCredential}.
 */
@ApplicationScoped
public class JwtProducers {

    private static final System.Logger LOG = System.getLogger(JwtProducers.class.getName());

    @Produces
    @Singleton
    JwtSettings settings() {
        JwtSettings settings = JwtSettings.from(ConfigProvider.getConfig());
        warnAboutWeakSettings(settings);
        return settings;
    }

    /** The default revocation list; an application's enabled {@code @Alternative} {@link JtiDenylist} replaces it. */
    @Produces
    @Singleton
    JtiDenylist denylist(@LatchkeyClock Clock clock) {
        return InMemoryJtiDenylist.of(clock);
    }

    @Produces
    @Singleton
    JwtVerifier verifier(JwtSettings settings, JtiDenylist denylist, @LatchkeyClock Clock clock) {
        return JwtVerifier.of(settings, denylist, clock);
    }

    @Produces
    @Singleton
    JwtCallerMapper mapper(JwtSettings settings) {
        return JwtCallerMapper.of(settings);
    }

    /**
     * The kind, when {@code jwt} is enabled. It takes the verifier only to build it now: key material that cannot be
     * loaded fails deployment, not the first request.
     */
    @Produces
    @Singleton
    @Named(JwtKind.NAME)
    JwtKind kind(JwtSettings settings, ClientCertificateResolver certificates, JwtVerifier verifier) {
        ConfigReader config = ConfigReader.current();
        return new JwtKind(new BearerTokenResolver(settings, certificates, introspected(config)),
                settings.issuers().size(), config.bool(DPoPSettings.REQUIRED, false));
    }

    /** The bearer tokens the introspection kind takes when it is enabled (opaque ones, or all): never JWTs here. */
    static Predicate<String> introspected(ConfigReader config) {
        return TokenShape.introspected(config,
                config.list(MechanismSettings.MECHANISMS, List.of()).contains(IntrospectionSettings.KIND));
    }

    @Produces
    @Singleton
    JwtIdentityStore store(Instance<JwtVerifier> verifier, Instance<JwtCallerMapper> mapper) {
        return new JwtIdentityStore(verifier::get, mapper::get);
    }

    @Produces
    @Singleton
    DefaultMechanisms defaults(MpJwtExtension mpJwt) {
        return new JwtDefaults(mpJwt.loginConfig());
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
}

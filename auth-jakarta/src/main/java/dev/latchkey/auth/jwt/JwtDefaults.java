package dev.latchkey.auth.jwt;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.jwt.config.JwtSettings;
import dev.latchkey.auth.jwt.mp.LoginConfigDeclaration;
import dev.latchkey.auth.spi.DefaultMechanisms;

import java.util.List;
import java.util.Optional;

/**
 * When {@code latchkey.mechanisms} is not set, {@value JwtKind#NAME} is enabled by
 * {@code @LoginConfig(authMethod = "MP-JWT")} on the JAX-RS application (MicroProfile JWT 2.1, "Marking a JAX-RS
 * Application as Requiring MP-JWT Access Control"), or, without it, by a configured JWT issuer
 * ({@code mp.jwt.verify.issuer}, {@code .publickey}, {@code .publickey.location} or {@code latchkey.jwt.issuers.*}).
 * The {@code @LoginConfig} {@code realmName}, when not empty, is the default realm.
 */
public final class JwtDefaults implements DefaultMechanisms {

    /** Properties that configure a JWT issuer: their presence enables {@code jwt} by default. */
    public static final List<String> ISSUER_PROPERTIES =
            List.of("mp.jwt.verify.issuer", "mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location");

    private final Optional<LoginConfigDeclaration> loginConfig;

    public JwtDefaults(Optional<LoginConfigDeclaration> loginConfig) {
        this.loginConfig = loginConfig;
    }

    @Override
    public List<String> mechanisms(ConfigReader config) {
        return loginConfig.filter(LoginConfigDeclaration::isMpJwt).isPresent() || issuerConfigured(config)
                ? List.of(JwtKind.NAME) : List.of();
    }

    @Override
    public Optional<String> realm() {
        return loginConfig.map(LoginConfigDeclaration::realmName).filter(r -> !r.isEmpty());
    }

    @Override
    public String hint() {
        return "@LoginConfig(authMethod = \"MP-JWT\") on the JAX-RS application, or a JWT issuer ("
                + String.join(", ", ISSUER_PROPERTIES) + ", " + JwtSettings.ISSUERS + "*)";
    }

    private static boolean issuerConfigured(ConfigReader config) {
        return ISSUER_PROPERTIES.stream().anyMatch(p -> config.string(p).isPresent()) || config.hasAny(JwtSettings.ISSUERS);
    }
}

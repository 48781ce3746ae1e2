package dev.latchkey.sample.jwt;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The sample's token settings, from the same MicroProfile Config the server verifies with: the issuer
 * ({@code mp.jwt.verify.issuer}), the audiences ({@code mp.jwt.verify.audiences}; a minted token carries the first)
 * and the signing-key directory ({@value #KEY_DIR}, default {@value #DEFAULT_KEY_DIR}).
 */
public record SampleJwtSettings(Path keyDirectory, String issuer, List<String> audiences) {

    public static final String KEY_DIR = "latchkey.sample.jwt-dir";
    public static final String DEFAULT_KEY_DIR = ".latchkey/jwt";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String AUDIENCES = "mp.jwt.verify.audiences";

    public SampleJwtSettings {
        Objects.requireNonNull(keyDirectory, "keyDirectory");
        if (issuer == null || issuer.isBlank()) {
            throw new ConfigurationException(ISSUER, "is required to mint tokens");
        }
        audiences = List.copyOf(audiences);
    }

    public static SampleJwtSettings from(ConfigReader config) {
        return new SampleJwtSettings(keyDirectory(config), config.string(ISSUER).orElse(null),
                config.list(AUDIENCES, List.of()));
    }

    /** The signing-key directory alone (the server needs no issuer to serve its keys). */
    public static Path keyDirectory(ConfigReader config) {
        return Path.of(config.string(KEY_DIR, DEFAULT_KEY_DIR));
    }
}

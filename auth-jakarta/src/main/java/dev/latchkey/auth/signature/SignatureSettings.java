package dev.latchkey.auth.signature;

import dev.latchkey.auth.signature.keys.SignatureAlgorithm;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.signature.digest.DigestSettings;
import dev.latchkey.auth.signature.keys.KeyRegistrySettings;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of HTTP message signatures ({@code latchkey.signature.*}), RFC 9421 §3.2.1 "application requirements".
 *
 * @param requiredComponents   {@code required-components}: components every signature must cover (default
 *                             {@code @method,@target-uri}); a field is covered by its plain identifier or with
 *                             {@code ;sf}
 * @param requireContentDigest {@code require-content-digest}: a request with content must cover
 *                             {@code content-digest}, and its content must match (default true)
 * @param requireCreated       {@code require-created}: the {@code created} parameter is required (default true)
 * @param maxAge               {@code max-age}: how old {@code created} may be (default PT5M)
 * @param clockSkew            {@code clock-skew}: tolerance for {@code created} in the future and for {@code expires}
 *                             (default PT30S, at most PT5M)
 * @param requireNonce         {@code require-nonce}: the {@code nonce} parameter is required (default false); a nonce
 *                             present is single-use in any case (RFC 9421 §7.2.2)
 * @param algorithms           {@code algorithms}: algorithms accepted (default all four)
 * @param tag                  {@code tag}: when set, only signatures with this {@code tag} are considered
 * @param label                {@code label}: when set, only the signature with this label is considered
 * @param structuredFields     {@code structured-fields}: more fields known to be structured, for {@code ;sf}, as
 *                             {@code name=list|dictionary|item} pairs
 * @param digest               {@code digest.*}
 * @param registry             the key registry ({@code store}, {@code file}, {@code kek}, {@code cache.*})
 */
public record SignatureSettings(List<String> requiredComponents, boolean requireContentDigest, boolean requireCreated,
                                Duration maxAge, Duration clockSkew, boolean requireNonce,
                                Set<SignatureAlgorithm> algorithms, Optional<String> tag, Optional<String> label,
                                StructuredFieldTypes structuredFields, DigestSettings digest,
                                KeyRegistrySettings registry) {

    public static final String PREFIX = "latchkey.signature.";
    /** The label asked for in {@code Accept-Signature} when none is configured. */
    public static final String DEFAULT_LABEL = "sig1";
    private static final Pattern COMPONENT = Pattern.compile("@?[a-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern KEY = Pattern.compile("[a-z*][a-z0-9_.*-]*");

    public SignatureSettings {
        requiredComponents = List.copyOf(requiredComponents);
        for (String c : requiredComponents) {
            if (!COMPONENT.matcher(c).matches() || "@signature-params".equals(c) || "@query-param".equals(c)
                    || "@status".equals(c)) {
                throw new ConfigurationException(PREFIX + "required-components", "'" + c
                        + "' is not a lowercase field name or a derived component without parameters");
            }
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new ConfigurationException(PREFIX + "max-age", "must be a positive duration");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ConfigurationException(PREFIX + "clock-skew", "must be between PT0S and PT5M");
        }
        algorithms = Set.copyOf(algorithms);
        if (algorithms.isEmpty()) {
            throw new ConfigurationException(PREFIX + "algorithms", "must name at least one algorithm");
        }
        if (label.isPresent() && !KEY.matcher(label.get()).matches()) {
            throw new ConfigurationException(PREFIX + "label", "must be a structured-field key ([a-z*][a-z0-9_.*-]*)");
        }
        if (tag.isPresent() && !tag.get().chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7E)) {
            throw new ConfigurationException(PREFIX + "tag", "must be printable ASCII");
        }
    }

    public static SignatureSettings from(ConfigReader c) {
        Set<SignatureAlgorithm> algorithms = EnumSet.noneOf(SignatureAlgorithm.class);
        for (String name : c.list(PREFIX + "algorithms", List.of("ed25519", "ecdsa-p256-sha256", "rsa-pss-sha512",
                "hmac-sha256"))) {
            algorithms.add(SignatureAlgorithm.byName(name).orElseThrow(() -> new ConfigurationException(
                    PREFIX + "algorithms", "unknown algorithm '" + name
                    + "': use ed25519, ecdsa-p256-sha256, rsa-pss-sha512 or hmac-sha256")));
        }
        return new SignatureSettings(c.list(PREFIX + "required-components", List.of("@method", "@target-uri")),
                c.bool(PREFIX + "require-content-digest", true), c.bool(PREFIX + "require-created", true),
                c.duration(PREFIX + "max-age", Duration.ofMinutes(5)),
                c.duration(PREFIX + "clock-skew", Duration.ofSeconds(30)), c.bool(PREFIX + "require-nonce", false),
                algorithms, c.string(PREFIX + "tag"), c.string(PREFIX + "label"),
                StructuredFieldTypes.BUILT_IN.with(structuredFields(c)), DigestSettings.from(c),
                KeyRegistrySettings.from(c));
    }

    private static Map<String, StructuredFieldTypes.Type> structuredFields(ConfigReader c) {
        Map<String, StructuredFieldTypes.Type> types = new LinkedHashMap<>();
        for (String pair : c.list(PREFIX + "structured-fields", List.of())) {
            int eq = pair.indexOf('=');
            try {
                types.put(pair.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                        StructuredFieldTypes.Type.valueOf(pair.substring(eq + 1).trim().toUpperCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                throw new ConfigurationException(PREFIX + "structured-fields",
                        "expected name=list|dictionary|item pairs, got '" + pair + "'");
            }
        }
        return types;
    }

    /** The label {@code Accept-Signature} asks for. */
    public String acceptLabel() {
        return label.orElse(DEFAULT_LABEL);
    }
}

package dev.latchkey.auth.basic;

import dev.latchkey.auth.apikey.ApiKeySettings;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings of HTTP Basic authentication (RFC 7617).
 *
 * @param requireTls            {@code latchkey.basic.require-tls} (default {@code true}): refuse Basic credentials on a
 *                              request that {@code isSecure()} says is plain HTTP (RFC 7617 §4: the password travels in
 *                              clear text). Behind a TLS-terminating proxy, {@code X-Forwarded-Proto} from
 *                              {@code latchkey.trusted-proxies} decides
 *                              ({@link dev.latchkey.auth.request.ForwardedProto})
 * @param usersFile             {@code latchkey.basic.users-file} (default {@code .latchkey/users.properties}): the file
 *                              read by {@link UserFileIdentityStore}; see {@link UserFile} for its format
 * @param apiKeyPrefixes        the prefixes of {@code latchkey.api-key.prefixes} (default {@code sk_live_,sk_test_}): a Basic username
 *                              starting with one of these is an API key (Stripe style), left to the API-key
 *                              authenticator
 * @param maxFailures           {@code latchkey.basic.lockout.max-failures} (default 5) per username within the window
 * @param maxFailuresPerAddress {@code latchkey.basic.lockout.max-failures-per-address} (default 20) per client address
 * @param window                {@code latchkey.basic.lockout.window} (default {@code PT15M})
 * @param lockoutDuration       {@code latchkey.basic.lockout.duration} (default {@code PT15M}): the cool-down
 * @param maxTrackedKeys        {@code latchkey.basic.lockout.max-tracked} (default 100000): bound of each failure
 *                              counter cache (usernames, addresses), so a spray of random usernames cannot grow memory
 * @param hashIterations        {@code latchkey.basic.pbkdf2.iterations} (default 210000, from 210000 to 10000000): PBKDF2
 *                              iterations for new hashes and for the dummy hash of unknown users
 */
public record BasicSettings(boolean requireTls, Path usersFile, List<String> apiKeyPrefixes, int maxFailures,
                            int maxFailuresPerAddress, Duration window, Duration lockoutDuration, int maxTrackedKeys,
                            int hashIterations) {

    public static final String REQUIRE_TLS = "latchkey.basic.require-tls";
    public static final String USERS_FILE = "latchkey.basic.users-file";
    public static final String MAX_FAILURES = "latchkey.basic.lockout.max-failures";
    public static final String MAX_FAILURES_PER_ADDRESS = "latchkey.basic.lockout.max-failures-per-address";
    public static final String WINDOW = "latchkey.basic.lockout.window";
    public static final String DURATION = "latchkey.basic.lockout.duration";
    public static final String MAX_TRACKED = "latchkey.basic.lockout.max-tracked";
    public static final String ITERATIONS = "latchkey.basic.pbkdf2.iterations";

    public static final String DEFAULT_USERS_FILE = ".latchkey/users.properties";

    public BasicSettings {
        if (usersFile == null) {
            throw new ConfigurationException(USERS_FILE, "must be set");
        }
        apiKeyPrefixes = List.copyOf(apiKeyPrefixes);
        positive(MAX_FAILURES, maxFailures);
        positive(MAX_FAILURES_PER_ADDRESS, maxFailuresPerAddress);
        positive(MAX_TRACKED, maxTrackedKeys);
        positive(WINDOW, window);
        positive(DURATION, lockoutDuration);
        if (hashIterations < PasswordHasher.MIN_ITERATIONS) {
            throw new ConfigurationException(ITERATIONS, "must be at least " + PasswordHasher.MIN_ITERATIONS
                    + " (OWASP recommendation for PBKDF2-HMAC-SHA256)");
        }
        if (hashIterations > PasswordHasher.MAX_ITERATIONS) {
            throw new ConfigurationException(ITERATIONS, "must be at most " + PasswordHasher.MAX_ITERATIONS
                    + " (one login would take too long)");
        }
    }

    /** The defaults, with the users file given. */
    public static BasicSettings defaults(Path usersFile) {
        return new BasicSettings(true, usersFile, List.of("sk_live_", "sk_test_"), 5, 20, Duration.ofMinutes(15),
                Duration.ofMinutes(15), 100_000, PasswordHasher.DEFAULT_ITERATIONS);
    }

    public static BasicSettings from(ConfigReader config) {
        BasicSettings d = defaults(Path.of(DEFAULT_USERS_FILE));
        String file = config.string(USERS_FILE, DEFAULT_USERS_FILE);
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new ConfigurationException(USERS_FILE, "not a valid path: " + e.getMessage(), e);
        }
        return new BasicSettings(config.bool(REQUIRE_TLS, d.requireTls()), path,
                List.copyOf(ApiKeySettings.prefixes(config).keySet()),
                config.integer(MAX_FAILURES, d.maxFailures()),
                config.integer(MAX_FAILURES_PER_ADDRESS, d.maxFailuresPerAddress()),
                config.duration(WINDOW, d.window()), config.duration(DURATION, d.lockoutDuration()),
                config.integer(MAX_TRACKED, d.maxTrackedKeys()), config.integer(ITERATIONS, d.hashIterations()));
    }

    private static void positive(String property, long value) {
        if (value <= 0) {
            throw new ConfigurationException(property, "must be positive, got " + value);
        }
    }

    private static void positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new ConfigurationException(property, "must be a positive duration");
        }
    }
}

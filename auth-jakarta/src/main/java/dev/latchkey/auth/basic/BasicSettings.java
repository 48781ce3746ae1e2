package dev.latchkey.auth.basic;

import dev.latchkey.auth.apikey.ApiKeySettings;
import dev.latchkey.auth.apikey.RateLimit;
import dev.latchkey.auth.limit.FailedAttemptSettings;

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
 *                              starting with one of these is an API key (Stripe style), left to the API-key kind
 * @param maxFailures           {@code latchkey.basic.lockout.max-failures} (default 5) failures per (user name, client
 *                              network) within the window before that pair is locked out
 * @param userChecks            {@code latchkey.basic.lockout.user-checks} (default {@code 10/PT1M}): password checks
 *                              per user name, over all networks, for attempts from networks with recent failures for
 *                              that name; a network without any is never refused by this limit
 *                              (see {@link LoginThrottle})
 * @param window                {@code latchkey.basic.lockout.window} (default {@code PT15M}): how long failures count
 *                              towards the lockout
 * @param rememberFailures      {@code latchkey.basic.lockout.remember-failures} (default {@code P1D}): how long a
 *                              network that failed for a user name counts as one with recent failures for it (and so
 *                              waits for {@code user-checks}); a network is fresh again only after this much quiet
 * @param lockoutDuration       {@code latchkey.basic.lockout.duration} (default {@code PT15M}): the cool-down
 * @param maxTrackedKeys        {@code latchkey.basic.lockout.max-tracked} (default 100000): bound of each counter cache
 *                              ((user, network) pairs, user names), so a spray of random names cannot grow memory
 * @param hashIterations        {@code latchkey.basic.pbkdf2.iterations} (default 210000, from 210000 to 10000000): PBKDF2
 *                              iterations for new hashes and for the dummy hash of unknown users
 */
public record BasicSettings(boolean requireTls, Path usersFile, List<String> apiKeyPrefixes, int maxFailures,
                            RateLimit userChecks, Duration window, Duration rememberFailures,
                            Duration lockoutDuration, int maxTrackedKeys,
                            int hashIterations) {

    public static final String REQUIRE_TLS = "latchkey.basic.require-tls";
    public static final String USERS_FILE = "latchkey.basic.users-file";
    public static final String MAX_FAILURES = "latchkey.basic.lockout.max-failures";
    public static final String USER_CHECKS = "latchkey.basic.lockout.user-checks";
    /** Replaced: a lock per address locked out everyone behind one proxy or NAT. */
    static final String FORMER_MAX_FAILURES_PER_ADDRESS = "latchkey.basic.lockout.max-failures-per-address";
    public static final String WINDOW = "latchkey.basic.lockout.window";
    public static final String REMEMBER_FAILURES = "latchkey.basic.lockout.remember-failures";
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
        if (userChecks == null) {
            throw new ConfigurationException(USER_CHECKS, "must be set");
        }
        positive(MAX_TRACKED, maxTrackedKeys);
        positive(WINDOW, window);
        positive(REMEMBER_FAILURES, rememberFailures);
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
        return new BasicSettings(true, usersFile, List.of("sk_live_", "sk_test_"), 5,
                new RateLimit(10, Duration.ofMinutes(1)), Duration.ofMinutes(15), Duration.ofDays(1),
                Duration.ofMinutes(15), 100_000, PasswordHasher.DEFAULT_ITERATIONS);
    }

    public static BasicSettings from(ConfigReader config) {
        BasicSettings d = defaults(Path.of(DEFAULT_USERS_FILE));
        if (config.string(FORMER_MAX_FAILURES_PER_ADDRESS).isPresent()) {
            throw new ConfigurationException(FORMER_MAX_FAILURES_PER_ADDRESS, "was removed (a lock per address locked"
                    + " out everyone behind one proxy or NAT); failed attempts per client network of every kind are limited"
                    + " by '" + FailedAttemptSettings.LIMIT + "' and '" + FailedAttemptSettings.WINDOW + "'");
        }
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
                rateLimit(config, USER_CHECKS, d.userChecks()),
                config.duration(WINDOW, d.window()), config.duration(REMEMBER_FAILURES, d.rememberFailures()),
                config.duration(DURATION, d.lockoutDuration()),
                config.integer(MAX_TRACKED, d.maxTrackedKeys()), config.integer(ITERATIONS, d.hashIterations()));
    }

    private static RateLimit rateLimit(ConfigReader config, String property, RateLimit defaultValue) {
        try {
            return config.string(property).map(RateLimit::parse).orElse(defaultValue);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(property, e.getMessage(), e);
        }
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

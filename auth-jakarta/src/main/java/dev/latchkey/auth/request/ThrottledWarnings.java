package dev.latchkey.auth.request;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.lang.System.Logger.Level;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Warnings that a request can cause, at most one per (kind, key) per {@link #INTERVAL}: the key is the client's
 * {@link ClientNetwork} for a warning about what a client sent, or a fixed name (an issuer) for a warning about one of
 * our dependencies, which every client would otherwise repeat. A client can neither flood the log nor, from its own
 * network, suppress the warnings others cause. Every argument is {@link LogSafe escaped and bounded} before it is
 * formatted (OWASP Logging Cheat Sheet; CWE-117), and the line says that repeats are suppressed. The remembered
 * (kind, key) pairs are bounded (Caffeine), so a spray of addresses cannot grow memory; once evicted, a pair may
 * warn again.
 */
public final class ThrottledWarnings {

    /** How long one warning stands for its (kind, key). */
    public static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final long MAX_TRACKED = 10_000;

    private record Key(String kind, String key) {
    }

    private final System.Logger log;
    private final Cache<Key, Boolean> recent;

    public ThrottledWarnings(System.Logger log) {
        this(log, Ticker.systemTicker());
    }

    /** With a given time source (tests). */
    public ThrottledWarnings(System.Logger log, Ticker ticker) {
        this.log = log;
        this.recent = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterWrite(INTERVAL).ticker(ticker).build();
    }

    /**
     * Logs {@code pattern} ({@link MessageFormat}) at WARNING with its arguments escaped, unless a warning of this kind
     * for this key was logged within the interval. Returns whether it was logged.
     */
    public boolean warn(String kind, Object key, String pattern, Object... args) {
        return warn(kind, key, null, pattern, args);
    }

    /** As {@link #warn(String, Object, String, Object...)}, with the exception (its stack trace) attached. */
    public boolean warn(String kind, Object key, Throwable thrown, String pattern, Object... args) {
        if (recent.asMap().putIfAbsent(new Key(kind, String.valueOf(key)), Boolean.TRUE) != null) {
            return false;
        }
        Object[] safe = Arrays.stream(args).map(LogSafe::value).toArray();
        String message = new MessageFormat(pattern, Locale.ROOT).format(safe)
                + " (further " + kind + " warnings for " + LogSafe.value(key) + " suppressed for "
                + INTERVAL.toMinutes() + " minutes)";
        log.log(Level.WARNING, message, thrown);
        return true;
    }
}

package dev.latchkey.auth.introspection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.util.Base64URL;
import dev.latchkey.auth.clock.ClockTicker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Introspection answers reused for a while (RFC 7662 §4: a cache trades freshness for load; the token's revocation
 * shows only once its entry expires). An active answer lives until the shorter of the configured TTL and the token's
 * {@code exp}; an inactive one only the short negative TTL, so a token activated a moment later is not refused for
 * long. Keys are SHA-256 hashes of the tokens, never the tokens. Concurrent look-ups of one token share one request;
 * a failure (503) is never cached.
 */
final class IntrospectionCache {

    private final Cache<String, IntrospectedToken> answers;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final Clock clock;

    IntrospectionCache(IntrospectionSettings settings, Clock clock) {
        this.ttl = settings.cacheTtl();
        this.negativeTtl = settings.negativeTtl();
        this.clock = clock;
        this.answers = ttl.isZero() || settings.cacheMaxSize() == 0 ? null : Caffeine.newBuilder()
                .maximumSize(settings.cacheMaxSize()).ticker(ClockTicker.of(clock))
                .expireAfter(Expiry.<String, IntrospectedToken>creating((key, answer) -> lifetime(answer)))
                .executor(Runnable::run).build();
    }

    IntrospectedToken get(String token, Function<String, IntrospectedToken> introspect) {
        if (answers == null) {
            return introspect.apply(token);
        }
        return answers.get(key(token), k -> introspect.apply(token));
    }

    private Duration lifetime(IntrospectedToken answer) {
        if (!answer.active()) {
            return negativeTtl;
        }
        Instant now = clock.instant();
        Duration untilExp = answer.expiresAt().map(exp -> Duration.between(now, exp)).orElse(ttl);
        if (untilExp.isNegative()) {
            return Duration.ZERO;
        }
        return untilExp.compareTo(ttl) < 0 ? untilExp : ttl;
    }

    private static String key(String token) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8))).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

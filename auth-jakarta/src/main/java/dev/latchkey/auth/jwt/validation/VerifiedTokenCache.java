package dev.latchkey.auth.jwt.validation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Verified tokens, so that a client repeating its token is not re-verified on every request. Keyed by the SHA-256 of
 * the token, never the token; bounded in size; an entry lives at most {@code ttl} and never past the token's
 * validity ({@code exp}, or {@code iat + token.age}), which is also checked on every hit against the clock. The
 * caller still consults the {@code jti} denylist and the certificate binding on a hit. An entry also keeps what was
 * derived from its claims ({@link VerifiedJwt#derived}: the mapped caller, without the raw token).
 */
final class VerifiedTokenCache {

    /** The SHA-256 of a token as four longs (48 bytes on the heap, against 104 for its Base64 text). */
    record Key(long a, long b, long c, long d) {
    }

    /** Cloned for each token: looking the algorithm up through the providers costs more than hashing a token. */
    private static final MessageDigest SHA_256 = sha256();

    private final Cache<Key, Entry> cache;
    private final Clock clock;

    private record Entry(VerifiedJwt jwt, Instant validUntil) {
    }

    VerifiedTokenCache(long maxSize, Duration ttl, Clock clock) {
        this.clock = clock;
        this.cache = maxSize == 0 ? null : Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.<Key, Entry>creating((key, entry) -> {
                    Duration left = Duration.between(clock.instant(), entry.validUntil());
                    return left.compareTo(ttl) < 0 ? left : ttl;
                }))
                .build();
    }

    Optional<VerifiedJwt> get(String token) {
        if (cache == null) {
            return Optional.empty();
        }
        Key key = key(token);
        Entry entry = cache.getIfPresent(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.validUntil())) {
            cache.invalidate(key);
            return Optional.empty();
        }
        return Optional.of(entry.jwt().withRawToken(token));
    }

    void put(String token, VerifiedJwt jwt, Instant validUntil) {
        if (cache != null && clock.instant().isBefore(validUntil)) {
            cache.put(key(token), new Entry(jwt.withRawToken(""), validUntil));
        }
    }

    long size() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }

    static Key key(String token) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            digest = sha256();
        }
        ByteBuffer hash = ByteBuffer.wrap(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
        return new Key(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

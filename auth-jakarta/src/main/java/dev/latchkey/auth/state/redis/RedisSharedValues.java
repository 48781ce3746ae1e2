package dev.latchkey.auth.state.redis;

import dev.latchkey.auth.state.SharedValues;
import dev.latchkey.auth.state.StoreFailures;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link SharedValues} in Redis: each value is stored as {@code <expiresAtMillis>:<value>} with a {@code PX} expiry
 * (the store's garbage collection; liveness is judged on the instance's clock, from the stored instant). A read is one
 * {@code GET}; a compare-and-set is one {@code EVAL} of a short script, atomic in Redis.
 */
public final class RedisSharedValues implements SharedValues {

    /** ARGV: now, expected present (1/0), expected, value present (1/0), value, expiresAt, ttl millis. */
    static final String COMPARE_AND_SET = """
            local cur = redis.call('GET', KEYS[1])
            local live = false
            if cur then
              local sep = string.find(cur, ':', 1, true)
              if sep and tonumber(string.sub(cur, 1, sep - 1)) > tonumber(ARGV[1]) then
                live = string.sub(cur, sep + 1)
              end
            end
            if ARGV[2] == '1' then
              if live ~= ARGV[3] then return 0 end
            elseif live then
              return 0
            end
            if ARGV[4] == '1' then
              redis.call('SET', KEYS[1], ARGV[6] .. ':' .. ARGV[5], 'PX', ARGV[7])
            else
              redis.call('DEL', KEYS[1])
            end
            return 1
            """;

    private final RedisCommands<String, byte[]> redis;
    private final String prefix;
    private final Clock clock;
    private final StoreFailures failures;

    /** @param prefix the namespace's key prefix, e.g. {@code latchkey:v:jti:} */
    public RedisSharedValues(RedisCommands<String, byte[]> redis, String prefix, Clock clock, StoreFailures failures) {
        this.redis = redis;
        this.prefix = prefix;
        this.clock = clock;
        this.failures = failures;
    }

    @Override
    public Optional<String> get(String key) {
        byte[] stored = failures.call("read " + prefix, () -> redis.get(prefix + key));
        if (stored == null) {
            return Optional.empty();
        }
        String text = new String(stored, StandardCharsets.UTF_8);
        int sep = text.indexOf(':');
        if (sep < 1 || Long.parseLong(text.substring(0, sep)) <= clock.millis()) {
            return Optional.empty();
        }
        return Optional.of(text.substring(sep + 1));
    }

    @Override
    public boolean compareAndSet(String key, Optional<String> expected, Optional<String> value, Instant expiresAt) {
        long now = clock.millis();
        long ttl = expiresAt.toEpochMilli() - now;
        if (ttl <= 0) {
            value = Optional.empty();
        }
        byte[][] args = {
                bytes(Long.toString(now)), bytes(expected.isPresent() ? "1" : "0"), bytes(expected.orElse("")),
                bytes(value.isPresent() ? "1" : "0"), bytes(value.orElse("")),
                bytes(Long.toString(expiresAt.toEpochMilli())), bytes(Long.toString(Math.max(1, ttl)))};
        Long set = failures.call("update " + prefix,
                () -> redis.eval(COMPARE_AND_SET, ScriptOutputType.INTEGER, new String[]{prefix + key}, args));
        return set != null && set == 1L;
    }

    @Override
    public void remove(String key) {
        failures.call("remove " + prefix, () -> redis.del(prefix + key));
    }

    @Override
    public long size() {
        return -1;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
